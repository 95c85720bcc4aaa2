package io.runbookbot.discord;

/**
 * Discord's inbound text → the words of the question, before the core sees it. Mention and
 * emoji markup ({@code <@id>}, {@code <@!id>}, {@code <@&role>}, {@code <#id>}, {@code
 * <:name:id>}, {@code <a:name:id>}, {@code <t:123:R>}) is dropped; Markdown markers are dropped
 * and the words inside kept: backticks (and a code fence's language tag), and runs of {@code *},
 * {@code _}, {@code ~~}, {@code ||} at the edge of a word (inside a word, as in {@code
 * too_many_clients}, and standing alone, as in {@code /var/*}, they stay). One pass, no regular
 * expressions: linear in the text.
 */
final class DiscordText {
    private DiscordText() {}

    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '<' ? markupEnd(text, i) : -1;
            if (end > 0) {
                i = skipBlanksAfterDrop(text, end, out);
            } else if (c == '`') {
                i = backticks(text, i);
            } else if (isMarker(c)) {
                i = marker(text, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip();
    }

    /** The index after the markup that starts at {@code i}, or -1 when it is no Discord markup. */
    private static int markupEnd(String t, int i) {
        int j = i + 1;
        if (t.startsWith("@!", j) || t.startsWith("@&", j)) {
            j += 2;
        } else if (t.startsWith("@", j) || t.startsWith("#", j)) {
            j += 1;
        } else if (t.startsWith(":", j) || t.startsWith("a:", j) || t.startsWith("t:", j)) {
            return emojiOrTimeEnd(t, j + (t.charAt(j) == ':' ? 1 : 2));
        } else {
            return -1;
        }
        int digits = digits(t, j);
        return digits > j && digits < t.length() && t.charAt(digits) == '>' ? digits + 1 : -1;
    }

    /** {@code name:id>} of an emoji, or {@code 123>} / {@code 123:R>} of a timestamp. */
    private static int emojiOrTimeEnd(String t, int from) {
        int j = from;
        while (j < t.length()
                && j - from <= 64
                && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_' || t.charAt(j) == '-')) {
            j++;
        }
        if (j < t.length() && t.charAt(j) == '>' && j > from) {
            return j + 1;
        }
        if (j >= t.length() || t.charAt(j) != ':' || j == from) {
            return -1;
        }
        int k = j + 1;
        while (k < t.length() && k - j <= 32 && Character.isLetterOrDigit(t.charAt(k))) {
            k++;
        }
        return k > j + 1 && k < t.length() && t.charAt(k) == '>' ? k + 1 : -1;
    }

    private static int digits(String t, int from) {
        int j = from;
        while (j < t.length() && j - from <= 24 && Character.isDigit(t.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Drops a run of backticks; after a fence (three or more) at a line's start, also its language tag. */
    private static int backticks(String t, int i) {
        int j = i;
        while (j < t.length() && t.charAt(j) == '`') {
            j++;
        }
        if (j - i >= 3 && (i == 0 || t.charAt(i - 1) == '\n')) {
            int k = j;
            while (k < t.length()
                    && k - j <= 20
                    && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '+' || t.charAt(k) == '-')) {
                k++;
            }
            if (k == t.length() || t.charAt(k) == '\n') {
                return k;
            }
        }
        return j;
    }

    private static boolean isMarker(char c) {
        return c == '*' || c == '_' || c == '~' || c == '|';
    }

    /** A run of one marker character: dropped when it touches a word on one side only. */
    private static int marker(String t, int i, StringBuilder out) {
        char c = t.charAt(i);
        int j = i;
        while (j < t.length() && t.charAt(j) == c) {
            j++;
        }
        boolean wordBefore = i > 0 && Character.isLetterOrDigit(t.charAt(i - 1));
        boolean wordAfter = j < t.length() && Character.isLetterOrDigit(t.charAt(j));
        boolean paired = c == '*' || c == '_' || j - i >= 2;
        if (!paired || wordBefore == wordAfter) {
            out.append(t, i, j);
        }
        return j;
    }

    private static int skipBlanksAfterDrop(String t, int from, StringBuilder out) {
        int i = from;
        if (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1))) {
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }
}
