package io.runbookbot.search.analysis;

import java.util.regex.Pattern;

/**
 * Drops what a chat message says about itself rather than about the problem: the {@code @handles}
 * it addresses ("@oncall can someone look"; Slack's user groups arrive as {@code @oncall} once
 * decoded) and the priority or severity its sender gives it ("P1:", "SEV2"). Searched for, "oncall"
 * read as asking whom to escalate to, and "P1" found the one section that lists priorities. An
 * {@code @} inside a word stays ("dba@example.com", "group 0@{env=...}"), and so do longer
 * tokens ("p99", "p4d", "sev10").
 */
public final class ChatLabels {
    /**
     * An @ not preceded by a word character or another @, then the handle; or P0-P4 / SEV0-SEV5
     * as a token of its own. Linear, no backtracking.
     */
    private static final Pattern LABEL =
            Pattern.compile("(?<![\\w@])@[\\w.-]++|(?<![\\w@-])(?i:p[0-4]|sev-?[0-5])(?![\\w-])");

    private ChatLabels() {}

    public static String strip(String text) {
        return LABEL.matcher(text).replaceAll(" ");
    }
}
