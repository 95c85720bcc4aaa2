package io.runbookbot.slack;

import org.jspecify.annotations.Nullable;

/**
 * Slack's inbound text → what the user wrote, before the core sees it. Slack encodes {@code &},
 * {@code <}, {@code >} as {@code &amp;}, {@code &lt;}, {@code &gt;} and writes links and mentions
 * as {@code <…>} markup: {@code <https://x|label>} → label (the URL without one), {@code
 * <mailto:a@b|a@b>} → a@b, {@code <@U1|name>} → {@code @name} ({@code @U1} without a name, nothing
 * for the bot's own mention), {@code <#C1|name>} → {@code #name}, {@code <!here>}, {@code
 * <!channel>}, {@code <!everyone>} → nothing, {@code <!subteam^S1|@oncall>} → {@code @oncall},
 * {@code <!date^…|fallback>} → fallback. One pass, no regular expressions: linear in the text.
 * Button values are not decoded: they come back as the bot wrote them.
 */
final class SlackText {
    /** The only entities Slack writes. */
    private static final String[][] ENTITIES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}};

    private SlackText() {}

    /** The text as the user wrote it; the bot's own mention (when its id is known) is dropped. */
    static String decode(@Nullable String text, @Nullable String botUserId) {
        return decode(text, botUserId, false);
    }

    /**
     * An {@code app_mention}'s question: as {@link #decode(String, String)}, and when the bot's user
     * id is unknown, the leading user mention (the one that made it an {@code app_mention}) is dropped.
     */
    static String mention(@Nullable String text, @Nullable String botUserId) {
        return decode(text, botUserId, botUserId == null || botUserId.isEmpty());
    }

    private static String decode(@Nullable String text, @Nullable String botUserId, boolean dropLeadingMention) {
        String t = text == null ? "" : text;
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        boolean leading = dropLeadingMention;
        while (i < t.length()) {
            int before = out.length();
            char c = t.charAt(i);
            int close = c == '<' ? closing(t, i + 1) : -1;
            if (close < 0) {
                i = c == '&' ? entity(t, i, out) : append(out, c, i);
            } else {
                String replacement = markup(t.substring(i + 1, close), botUserId, leading);
                if (replacement.isEmpty()) {
                    i = dropped(t, close + 1, out);
                } else {
                    out.append(replacement);
                    i = close + 1;
                }
                leading = false;
            }
            leading = leading && isBlank(out, before);
        }
        return out.toString().strip();
    }

    /**
     * The index of the {@code >} that closes markup opened just before {@code from}; -1 when another
     * {@code <}, a line break or the end comes first (so no character is scanned more than twice).
     */
    private static int closing(String t, int from) {
        for (int j = from; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '>') {
                return j > from ? j : -1;
            }
            if (c == '<' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static String markup(String inner, @Nullable String botUserId, boolean atStart) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : entities(inner.substring(bar + 1));
        if (target.startsWith("@")) {
            String id = target.substring(1);
            boolean bot = atStart || id.equals(botUserId);
            return bot ? "" : "@" + (label.isEmpty() ? id : label);
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("!")) {
            return label;
        }
        if (!label.isEmpty()) {
            return label;
        }
        return entities(target.startsWith("mailto:") ? target.substring("mailto:".length()) : target);
    }

    /** After dropped markup: skips the blanks that follow when a blank precedes, so no double space is left. */
    private static int dropped(String t, int from, StringBuilder out) {
        int i = from;
        if (out.isEmpty() || out.charAt(out.length() - 1) == ' ') {
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    private static String entities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            i = s.charAt(i) == '&' ? entity(s, i, out) : append(out, s.charAt(i), i);
        }
        return out.toString();
    }

    /** Decodes the entity at {@code i} (an {@code &} that starts none is kept); returns the next index. */
    private static int entity(String t, int i, StringBuilder out) {
        for (String[] e : ENTITIES) {
            if (t.startsWith(e[0], i)) {
                out.append(e[1]);
                return i + e[0].length();
            }
        }
        return append(out, '&', i);
    }

    private static int append(StringBuilder out, char c, int i) {
        out.append(c);
        return i + 1;
    }

    /** Whether what was appended from {@code from} on is all blank. */
    private static boolean isBlank(StringBuilder out, int from) {
        for (int j = from; j < out.length(); j++) {
            if (!Character.isWhitespace(out.charAt(j))) {
                return false;
            }
        }
        return true;
    }
}
