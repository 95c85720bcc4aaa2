package io.runbookbot.agent.allowlist;

/**
 * Quotes an untrusted value for a message: at most {@value #MAX_SHOWN} characters, anything
 * outside printable ASCII escaped ({@code \n}, {@code \u202e}), so a reason can never carry a
 * control character, a bidi override or a flood back to the person who sent it.
 */
public final class Echo {
    /** Characters of a value shown at most; the rest becomes "…(N more)". */
    public static final int MAX_SHOWN = 40;

    private Echo() {}

    /** The value in double quotes, escaped and cut at {@link #MAX_SHOWN} characters. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        int shown = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            sb.append(escape(value.charAt(i)));
        }
        sb.append('"');
        if (value.length() > shown) {
            sb.append("…(").append(value.length() - shown).append(" more)");
        }
        return sb.toString();
    }

    /** One character as shown in a message: itself when printable ASCII, else an escape. */
    public static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\0':
                return "\\0";
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            default:
                return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
        }
    }
}
