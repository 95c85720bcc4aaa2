package io.runbookbot.search.analysis;

import java.util.regex.Pattern;

/**
 * Drops the {@code @handles} a chat message addresses ("@oncall can someone look", Slack's user
 * groups arrive as {@code @oncall} once decoded): they name who is asked, never the problem, and
 * "oncall" or "sre" would otherwise be searched for and read as asking whom to escalate to. An
 * {@code @} inside a word stays ("dba@example.com", "group 0@{env=...}").
 */
public final class Handles {
    /** An @ not preceded by a word character or another @, then the handle; linear, no backtracking. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@[\\w.-]++");

    private Handles() {}

    public static String strip(String text) {
        return text.indexOf('@') < 0 ? text : HANDLE.matcher(text).replaceAll(" ");
    }
}
