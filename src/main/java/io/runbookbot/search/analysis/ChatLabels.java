package io.runbookbot.search.analysis;

import java.util.regex.Pattern;

/**
 * Drops what a chat message says about itself rather than about the problem: the words it opens
 * with ("ok so", "hey team,"), the {@code @handles} it addresses ("@oncall can someone look";
 * Slack's user groups arrive as {@code @oncall} once decoded) and the priority or severity its
 * sender gives it ("P1:", "SEV2"). Searched for, "oncall"
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

    /**
     * Words that open a chat message without saying anything about the problem ("ok so", "hey
     * team,", "hi all:", "quick q:"), at its start only, each followed by a space or punctuation.
     * Searched for, "ok" found the sections that quote "200 OK" and "team" the one on team leads.
     * Mid-sentence they stay ("handshake ok but no traffic"). Linear: literal alternatives, each
     * repetition consumes its delimiter, possessive quantifiers.
     */
    private static final Pattern OPENER = Pattern.compile("^\\s*+(?:(?i:ok(?:ay)?|so|hey|hi|hello|hm++|um++|uh++|well"
            + "|alright|yo|fyi|btw|quick q(?:uestion)?)(?:\\s++(?i:team|all|folks|everyone|guys|y'all|there|people))?"
            + "[\\s,.:;!]++)++");

    private ChatLabels() {}

    public static String strip(String text) {
        return LABEL.matcher(OPENER.matcher(text).replaceFirst("")).replaceAll(" ");
    }
}
