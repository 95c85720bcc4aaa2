package io.runbookbot.slack;

import java.util.regex.Pattern;

/**
 * Runbook Markdown → Slack mrkdwn: headings and bold become {@code *bold*}, links {@code <url|text>},
 * list bullets {@code •}; {@code &}, {@code <}, {@code >} are escaped; code blocks stay
 * {@code ```} blocks (their language tag dropped, their content untouched apart from escaping).
 */
final class SlackMarkdown {
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+");
    /**
     * Longer lines are only escaped: the expressions above are quadratic on some long lines (a
     * heading with a long run of blanks, many bold openers), and a runbook line can be 1 MiB.
     */
    static final int MAX_INLINE_CHARS = 1_000;

    private SlackMarkdown() {}

    static String toMrkdwn(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : markdown.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                code = !code;
                out.append("```");
            } else {
                out.append(code ? escape(line) : inline(line));
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Escapes the three characters Slack's mrkdwn reserves. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String inline(String line) {
        String escaped = escape(line);
        if (escaped.length() > MAX_INLINE_CHARS) {
            return escaped;
        }
        var heading = HEADING.matcher(escaped);
        if (heading.matches()) {
            return "*" + heading.group(1).replaceAll("\\*\\*|__", "") + "*";
        }
        String text = BULLET.matcher(escaped).replaceFirst("$1• ");
        text = BOLD.matcher(text).replaceAll("*$2*");
        return LINK.matcher(text).replaceAll("<$2|$1>");
    }
}
