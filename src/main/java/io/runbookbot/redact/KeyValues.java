package io.runbookbot.redact;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the value given to a key that names a secret: a key whose name ends in {@code password},
 * {@code passwd}, {@code passphrase}, {@code secret}, {@code token}, {@code api_key},
 * {@code access_key}, {@code secret_key}, {@code private_key}, {@code _pass} or {@code _pwd} (any
 * case, with {@code _}, {@code -} or nothing between words). Ending in the word matters:
 * {@code max_tokens}, {@code secretName} and {@code TOKEN_TTL} are not secrets. The forms:
 * <ul>
 *   <li>{@code KEY=value}, {@code KEY = 'value'}, {@code --key=value} (not {@code ==});</li>
 *   <li>{@code "key": "value"}, {@code 'key': value};</li>
 *   <li>YAML {@code key: value} at the start of a line, also as a list item ({@code - key: v});</li>
 *   <li>a header inside quotes, {@code -H "X-Api-Key: value"};</li>
 *   <li>a long option and its value, {@code --password value}.</li>
 * </ul>
 *
 * <p>The text is scanned for the key words with {@code indexOf} and each hit is examined where it
 * stands, so a text with no secret costs a few fast scans, not a regular expression run.
 */
final class KeyValues {
    private static final String[] WORDS = {"password", "passwd", "passphrase", "secret", "token", "key", "pass", "pwd"};
    private static final Pattern SECRET_KEY = Pattern.compile("(?:password|passwd|passphrase|secret|token"
            + "|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|[_.-]pass|[_.-]pwd)$");
    private static final Pattern NAMES_A_FILE = Pattern.compile("private[_-]?key$");

    /** An angle-bracket placeholder, quoted, unquoted, or a quote never closed on its line. */
    private static final String VALUE = "<[^<>\\r\\n]*>|'[^'\\r\\n]*'|\"(?:[^\"\\\\\\r\\n]|\\\\.)*\""
            + "|(?![,;&|])[^\\s'\"`]+|['\"][^\\r\\n]+";
    private static final Pattern ASSIGNMENT = Pattern.compile("[ \\t]*=(?!=)[ \\t]*(" + VALUE + ")");
    private static final Pattern QUOTED_KEY = Pattern.compile("[\"'][ \\t]*[:=][ \\t]*(" + VALUE + ")");
    private static final Pattern YAML = Pattern.compile("[ \\t]*:[ \\t]+(" + VALUE + ")");
    private static final Pattern YAML_INDENT = Pattern.compile("[ \\t]*(?:-[ \\t]+)?");
    private static final Pattern HEADER = Pattern.compile("[ \\t]*:[ \\t]*([^\\s'\"`]+)");
    private static final Pattern OPTION = Pattern.compile("[ \\t]+(?![-<>|&;])(" + VALUE + ")");

    private KeyValues() {
    }

    /** Adds an edit for every secret value of {@code text}; {@code lower} is its ASCII lower case. */
    static void find(String text, String lower, Edits edits) {
        Set<Integer> keyEnds = new HashSet<>();
        for (String word : WORDS) {
            Edits.each(lower, word, i -> {
                int end = i + word.length();
                if ((end == lower.length() || !isKeyChar(lower.charAt(end))) && keyEnds.add(end)) {
                    int start = i;
                    while (start > 0 && isKeyChar(lower.charAt(start - 1))) {
                        start--;
                    }
                    String key = lower.substring(start, end);
                    if (SECRET_KEY.matcher(key).find()) {
                        value(text, start, end).ifPresent(m -> edits.replace(text, m.start(1), m.end(1),
                                SecretValues.mask(m.group(1), NAMES_A_FILE.matcher(key).find(), isShell(m))));
                    }
                }
            });
        }
    }

    /** The value after the key {@code [start, end)}, in the first form that fits. */
    private static Optional<Matcher> value(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : '\n';
        boolean quotedBefore = before == '"' || before == '\'';
        boolean quotedAfter = end < text.length() && (text.charAt(end) == '"' || text.charAt(end) == '\'');
        if (before != '$') {
            Matcher m = at(ASSIGNMENT, text, end);
            if (m != null) {
                return Optional.of(m);
            }
        }
        Matcher m = quotedBefore && quotedAfter ? at(QUOTED_KEY, text, end)
                : quotedBefore ? at(HEADER, text, end)
                : text.startsWith("--", start) ? at(OPTION, text, end)
                : startsLine(text, start) ? at(YAML, text, end) : null;
        return Optional.ofNullable(m);
    }

    /** {@code KEY=value} and {@code --key value} are shell words; the other forms YAML or JSON. */
    private static boolean isShell(Matcher m) {
        return m.pattern() == ASSIGNMENT || m.pattern() == OPTION;
    }

    private static Matcher at(Pattern p, String text, int pos) {
        Matcher m = p.matcher(text).region(pos, text.length());
        return m.lookingAt() ? m : null;
    }

    /** Only blanks, or a YAML list dash, between the start of the line and {@code pos}. */
    private static boolean startsLine(String text, int pos) {
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        return YAML_INDENT.matcher(text).region(lineStart, pos).matches();
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
                || c >= 'A' && c <= 'Z';
    }
}
