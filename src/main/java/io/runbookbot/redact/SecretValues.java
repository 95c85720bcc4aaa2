package io.runbookbot.redact;

import java.util.regex.Pattern;

/**
 * Decides whether a value found after a secret's key is a secret, and masks it keeping its quotes.
 *
 * <p>Kept as written: placeholders ({@code <token>}, {@code xxx}, {@code ...}, an earlier mask);
 * in shell context ({@code KEY=}, {@code --key}, a header or URL on a command line) variable
 * references and command substitutions ({@code $token}, {@code ${VAR}}, {@code %VAR%},
 * {@code $(cmd)}) unless single-quoted, where the shell takes them literally; in YAML or JSON only
 * {@code $NAME} in capitals and {@code ${name}}; and unquoted type names, literals and YAML block
 * indicators ({@code str}, {@code null}, {@code |}). Any other {@code $} value
 * ({@code '$@nJose420'}, {@code password: $ecret1}) is a secret.
 */
final class SecretValues {
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>|\\*+|x{3,}|X{3,}|\\.{3}|…");
    /** Expanded by a shell: {@code $name}, {@code ${name}}, {@code $(cmd)}, {@code %NAME%}. */
    private static final Pattern SHELL_REFERENCE =
            Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\{[^}]*}|%[A-Za-z_][A-Za-z0-9_]*%|\\$\\(.*");
    /** In YAML or JSON a {@code $} is literal, except by convention {@code $NAME} and {@code ${name}}. */
    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile("\\$[A-Z_][A-Z0-9_]*|\\$\\{[^}]*}");
    /** The longest of the {@link #NOT_A_SECRET} words ({@code secretstr}). */
    private static final int MAX_NOT_A_SECRET = 9;

    private static final Pattern NOT_A_SECRET =
            Pattern.compile("(?i)null|none|nil|true|false|str|string|bytes|secretstr|[|>][+-]?[0-9]?");
    private static final Pattern FILE = Pattern.compile(
            "(?:/|\\./|\\.\\./|~/)[A-Za-z0-9_.@/+-]*|(?:file://)?[A-Za-z0-9_.@/*+~-]+\\.(?:pem|key|crt|p12|pfx|der)");

    private SecretValues() {}

    /**
     * The value masked, or as written when it is not a secret.
     *
     * @param value      quoted ({@code 'x'}, {@code "x"}), unquoted, or opened by a quote that is
     *                   never closed on its line
     * @param namesAFile true when the key names a key file ({@code private_key}): a path is kept
     * @param shell      true in shell context, where {@code $name} is a variable
     */
    static String mask(String value, boolean namesAFile, boolean shell) {
        char first = value.charAt(0);
        boolean opened = first == '\'' || first == '"';
        if (!opened) {
            boolean kept = value.length() <= MAX_NOT_A_SECRET
                            && NOT_A_SECRET.matcher(value).matches()
                    || isPlaceholder(value, false, shell)
                    || namesAFile && FILE.matcher(value).matches();
            return kept ? value : Redactor.MASK;
        }
        boolean closed = value.length() >= 2 && value.charAt(value.length() - 1) == first;
        String inner = value.substring(1, closed ? value.length() - 1 : value.length());
        if (inner.isEmpty()
                || isPlaceholder(inner, first == '\'', shell)
                || namesAFile && FILE.matcher(inner).matches()) {
            return value;
        }
        return closed ? first + Redactor.MASK + first : Redactor.MASK;
    }

    /** A placeholder or, unless {@code literal} (single-quoted), a reference to a variable. */
    static boolean isPlaceholder(String value, boolean literal, boolean shell) {
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        return "<*xX.…".indexOf(first) >= 0 && PLACEHOLDER.matcher(value).matches()
                || !literal
                        && (first == '$' || first == '%')
                        && (shell ? SHELL_REFERENCE : TEMPLATE_REFERENCE)
                                .matcher(value)
                                .matches();
    }
}
