package io.runbookbot.redact;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *       elsewhere on a line ({@code {password: v}}, {@code name: a, token: v}) when the value ends
 *       the line or the flow mapping, so prose such as "the token: see below" is left alone;</li>
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
    private static final Pattern SECRET_KEY = Pattern.compile("(?:password|passwd|passphrase|secret|token"
            + "|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|account[_-]?key|[_.-]pass|[_.-]pwd)$");
    private static final Pattern NAMES_A_FILE = Pattern.compile("private[_-]?key$");
    private static final Pattern ENDS_AT_SEMICOLON = Pattern.compile("account[_-]?key$|shared[_-]?access[_-]?key$");

    /** An angle-bracket placeholder, quoted, unquoted, or a quote never closed on its line. */
    private static final String QUOTED = "<[^<>\\r\\n]*+>|'[^'\\r\\n]*+'|\"(?:[^\"\\\\\\r\\n]++|\\\\.)*+\"";
    private static final String VALUE = QUOTED + "|(?![,;&|])[^\\s'\"`]++|['\"][^\\r\\n]++";
    private static final Pattern ASSIGNMENT = Pattern.compile("[ \\t]*+=(?!=)[ \\t]*+(" + VALUE + ")");
    private static final Pattern QUOTED_KEY = Pattern.compile("[\"'][ \\t]*+[:=][ \\t]*+(" + VALUE + ")");
    private static final Pattern YAML = Pattern.compile("[ \\t]*+:[ \\t]++(" + VALUE + ")");
    /** Not at a line's start: the value must end the line or the flow mapping ({@code {k: v}}). */
    private static final Pattern YAML_INLINE = Pattern.compile("[ \\t]*+:[ \\t]++(" + QUOTED
            + "|[^\\s'\"`,{}\\[\\]]++)(?=[ \\t]*+(?:[,}\\]]|\\r?\\n|$))");
    private static final Pattern HEADER = Pattern.compile("[ \\t]*+:[ \\t]*+([^\\s'\"`]++)");
    private static final Pattern OPTION = Pattern.compile("[ \\t]++(?![-<>|&;])(" + VALUE + ")");

    private KeyValues() {
    }

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
        int covered = 0;
        for (int end = keyEnds.nextSetBit(0); end >= 0; end = keyEnds.nextSetBit(end + 1)) {
            int start = end;
            while (start > 0 && end - start < MAX_KEY && isKeyChar(lower.charAt(start - 1))) {
                start--;
            }
            String key = lower.substring(start, end);
            if (start >= covered && SECRET_KEY.matcher(key).find()) {
                covered = Math.max(covered, maskValue(text, start, end, key, edits));
            }
        }
    }

    /** Masks the value after the key {@code [start, end)}; returns where the value ends. */
    private static int maskValue(String text, int start, int end, String key, Edits edits) {
        Matcher m = value(text, start, end);
        if (m == null) {
            return end;
        }
        int valueEnd = Edits.valueEnd(text, m.end(1), m.regionEnd());
        String value = text.substring(m.start(1), valueEnd);
        if (ENDS_AT_SEMICOLON.matcher(key).find() && value.indexOf(';') > 0) {
            value = value.substring(0, value.indexOf(';'));
        }
        boolean shell = m.pattern() == ASSIGNMENT || m.pattern() == OPTION;
        edits.replace(text, m.start(1), m.start(1) + value.length(),
                SecretValues.mask(value, NAMES_A_FILE.matcher(key).find(), shell));
        return valueEnd;
    }

    /** The value after the key {@code [start, end)}, in the first form that fits, or null. */
    private static Matcher value(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : '\n';
        boolean quotedBefore = before == '"' || before == '\'';
        boolean quotedAfter = end < text.length() && (text.charAt(end) == '"' || text.charAt(end) == '\'');
        Matcher m = before != '$' ? at(ASSIGNMENT, text, end) : null;
        if (m != null) {
            return m;
        }
        return quotedBefore && quotedAfter ? at(QUOTED_KEY, text, end)
                : quotedBefore ? at(HEADER, text, end)
                : text.startsWith("--", start) ? at(OPTION, text, end)
                : startsLine(text, start) ? at(YAML, text, end)
                : at(YAML_INLINE, text, end);
    }

    private static Matcher at(Pattern p, String text, int pos) {
        Matcher m = p.matcher(text).region(pos, Edits.window(text, pos)).useTransparentBounds(true).useAnchoringBounds(false);
        return m.lookingAt() ? m : null;
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
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
                || c >= 'A' && c <= 'Z';
    }
}
