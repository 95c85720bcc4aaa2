package io.runbookbot.redact;

/**
 * Characters a terminal or a chat client would act on instead of showing: C0 controls other than
 * tab and newline (ESC starts colour, cursor and OSC sequences that retitle a window or write a
 * link; BEL, NUL, backspace), DEL, C1 controls (U+0080-U+009F, where U+009B is an 8-bit CSI) and
 * the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make text display
 * in another order than it reads. Each becomes {@value #REPLACEMENT}, visible and inert; a
 * carriage return becomes a line break, so a line cannot be overwritten by what follows it.
 */
public final class ControlChars {
    /** What an unsafe character is replaced with (U+FFFD REPLACEMENT CHARACTER). */
    public static final char REPLACEMENT = '\uFFFD';

    private ControlChars() {}

    /** True for a character that must not reach a terminal or a chat message as is. */
    public static boolean isUnsafe(int c) {
        return c < 0x20 && c != '\n' && c != '\t'
                || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    /** The text with every unsafe character replaced; text without any comes back as is. */
    public static String clean(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else {
                out.append(isUnsafe(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
