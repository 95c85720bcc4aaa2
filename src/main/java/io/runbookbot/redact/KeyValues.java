package io.runbookbot.redact;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds the value given to a key that names a secret: a key whose name ends in {@code password},
 * {@code passwd}, {@code passphrase}, {@code secret}, {@code token}, {@code api_key},
 * {@code access_key}, {@code secret_key}, {@code private_key}, {@code account_key},
 * {@code shared_access_key}, {@code _pass} or {@code _pwd} (any case, with {@code _}, {@code -} or
 * nothing between words). Ending in the word matters: {@code max_tokens}, {@code secretName} and
 * {@code TOKEN_TTL} are not secrets. The forms:
 * <ul>
 *   <li>{@code KEY=value}, {@code KEY = 'value'}, {@code --key=value} (not {@code ==});</li>
 *   <li>{@code "key": "value"}, {@code 'key': value};</li>
 *   <li>YAML {@code key: value} at the start of a line, also as a list item ({@code - key: v});
 *       elsewhere on a line, after a blank, {@code {}, {@code ,}, a backtick or {@code |}
 *       ({@code {password: v}}, {@code name: a, token: v}, {@code `token: v`}, a table cell), when
 *       the value ends the line, the flow mapping, the code span or the cell, so prose such as "the
 *       token: see below" and code such as {@code f(token: g(x))} are left alone;</li>
 *   <li>a header inside quotes, {@code -H "X-Api-Key: value"};</li>
 *   <li>a long option and its value, {@code --password value}.</li>
 * </ul>
 * An Azure {@code AccountKey=} or {@code SharedAccessKey=} value ends at the connection string's
 * next {@code ;}.
 *
 * <p>Linear: the key words are found with {@code indexOf}, their ends are visited in text order,
 * each pattern runs in a bounded window, and a key inside the value of the previous one is skipped.
 */
final class KeyValues {
    private static final String[] WORDS = {"password", "passwd", "passphrase", "secret", "token", "key", "pass", "pwd"};
    /** Longer runs of key characters than this are not looked at as one key. */
    private static final int MAX_KEY = 128;
    /** What a secret's key ends in; {@code apikey} stands for {@code apikey}, {@code api_key} and {@code api-key}. */
    private static final List<String> SECRET_KEYS = Stream.concat(
                    Stream.of(
                            "password",
                            "passwd",
                            "passphrase",
                            "secret",
                            "token",
                            "_pass",
                            ".pass",
                            "-pass",
                            "_pwd",
                            ".pwd",
                            "-pwd"),
                    Stream.of("api", "access", "secret", "private", "account")
                            .flatMap(w -> Stream.of(w + "key", w + "_key", w + "-key")))
            .toList();

    private static final List<String> NAMES_A_FILE = List.of("privatekey", "private_key", "private-key");
    /** Azure connection strings: the value ends at the next {@code ;}. */
    private static final List<String> ENDS_AT_SEMICOLON =
            List.of("accountkey", "account_key", "account-key", "accesskey", "access_key", "access-key");

    /** An angle-bracket placeholder, quoted, unquoted, or a quote never closed on its line. */
    private static final String QUOTED = "<[^<>\\r\\n]*+>|'[^'\\r\\n]*+'|\"(?:[^\"\\\\\\r\\n]++|\\\\.)*+\"";

    private static final String VALUE = QUOTED + "|(?![,;&|])[^\\s'\"`]++|['\"][^\\r\\n]++";
    private static final Pattern ASSIGNMENT = Pattern.compile("[ \\t]*+=(?!=)[ \\t]*+(" + VALUE + ")");
    private static final Pattern QUOTED_KEY = Pattern.compile("[\"'][ \\t]*+[:=][ \\t]*+(" + VALUE + ")");
    private static final Pattern YAML = Pattern.compile("[ \\t]*+:[ \\t]++(" + VALUE + ")");
    /** Not at a line's start: the value must end the line or the flow mapping ({@code {k: v}}). */
    private static final Pattern YAML_INLINE = Pattern.compile(
            "[ \\t]*+:[ \\t]++(" + QUOTED + "|[^\\s'\"`,{}\\[\\]()|]++)(?=[ \\t]*+(?:[,}\\]`|]|\\r?\\n|$))");

    private static final Pattern HEADER = Pattern.compile("[ \\t]*+:[ \\t]*+([^\\s'\"`]++)");
    private static final Pattern OPTION = Pattern.compile("[ \\t]++(?![-<>|&;])(" + VALUE + ")");

    private KeyValues() {}

    /** Adds an edit for every secret value of {@code text}; {@code lower} is its ASCII lower case. */
    static void find(String text, String lower, Edits edits) {
        BitSet keyEnds = new BitSet(lower.length() + 1);
        for (String word : WORDS) {
            Edits.each(lower, word, i -> {
                int end = i + word.length();
                if (end == lower.length() || !isKeyChar(lower.charAt(end))) {
                    keyEnds.set(end);
                }
            });
        }
        Forms forms = new Forms(text);
        int covered = 0;
        for (int end = keyEnds.nextSetBit(0); end >= 0; end = keyEnds.nextSetBit(end + 1)) {
            int start = end;
            while (start > 0 && end - start < MAX_KEY && isKeyChar(lower.charAt(start - 1))) {
                start--;
            }
            if (start >= covered && isSecretKey(lower, start, end)) {
                covered = Math.max(covered, maskValue(forms, start, end, lower.substring(start, end), edits));
            }
        }
    }

    private static boolean isSecretKey(String lower, int start, int end) {
        for (String suffix : SECRET_KEYS) {
            if (end - start >= suffix.length() && lower.startsWith(suffix, end - suffix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String key, List<String> suffixes) {
        return suffixes.stream().anyMatch(key::endsWith);
    }

    /** Masks the value after the key {@code [start, end)}; returns where the value ends. */
    private static int maskValue(Forms forms, int start, int end, String key, Edits edits) {
        String text = forms.text;
        Matcher m = forms.value(start, end);
        if (m == null) {
            return end;
        }
        int valueEnd = Edits.valueEnd(text, m.end(1), m.regionEnd());
        String value = text.substring(m.start(1), valueEnd);
        if (endsWithAny(key, ENDS_AT_SEMICOLON) && value.indexOf(';') > 0) {
            value = value.substring(0, value.indexOf(';'));
        }
        boolean shell = m.pattern() == ASSIGNMENT || m.pattern() == OPTION;
        edits.replace(
                text,
                m.start(1),
                m.start(1) + value.length(),
                SecretValues.mask(value, endsWithAny(key, NAMES_A_FILE), shell));
        return valueEnd;
    }

    /** The forms a value may take, each a matcher on the text, reused from key to key. */
    private static final class Forms {
        final String text;
        private final Matcher assignment;
        private final Matcher quotedKey;
        private final Matcher header;
        private final Matcher option;
        private final Matcher yaml;
        private final Matcher yamlInline;

        Forms(String text) {
            this.text = text;
            assignment = matcher(ASSIGNMENT);
            quotedKey = matcher(QUOTED_KEY);
            header = matcher(HEADER);
            option = matcher(OPTION);
            yaml = matcher(YAML);
            yamlInline = matcher(YAML_INLINE);
        }

        private Matcher matcher(Pattern p) {
            return p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /** The value after the key {@code [start, end)}, in the first form that fits, or null. */
        @Nullable
        Matcher value(int start, int end) {
            char before = start > 0 ? text.charAt(start - 1) : '\n';
            boolean quotedBefore = before == '"' || before == '\'';
            boolean quotedAfter = end < text.length() && (text.charAt(end) == '"' || text.charAt(end) == '\'');
            if (before != '$' && at(assignment, end)) {
                return assignment;
            }
            Matcher m = quotedBefore && quotedAfter
                    ? quotedKey
                    : quotedBefore
                            ? header
                            : text.startsWith("--", start)
                                    ? option
                                    : startsLine(text, start)
                                            ? yaml
                                            : " \t{,`|".indexOf(before) >= 0 ? yamlInline : null;
            return m != null && at(m, end) ? m : null;
        }

        private boolean at(Matcher m, int pos) {
            return m.region(pos, Edits.window(text, pos)).lookingAt();
        }
    }

    /** Only blanks, or a YAML list dash, between the start of the line and {@code pos}. */
    private static boolean startsLine(String text, int pos) {
        int i = skipBlanksBack(text, pos);
        if (i > 0 && i < pos && text.charAt(i - 1) == '-') {
            i = skipBlanksBack(text, i - 1);
        }
        return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
    }

    private static int skipBlanksBack(String text, int pos) {
        int i = pos;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c >= 'A' && c <= 'Z';
    }
}
