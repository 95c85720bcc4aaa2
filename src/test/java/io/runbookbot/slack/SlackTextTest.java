package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Texts as Slack sends them in slash commands, app_mention and message events. */
class SlackTextTest {
    private static final String BOT = "U0BOT";

    /** A 61-line, 6 KB stack trace pasted into Slack reaches the core line for line as the user pasted it. */
    @Test
    void aPastedStackTraceIsDecodedLineForLine() throws java.io.IOException {
        String trace = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/pasted/psql-too-many-clients.log"));
        String asSlackSendsIt = trace.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");

        assertThat(SlackText.decode(asSlackSendsIt, BOT)).isEqualTo(trace.strip());
    }

    @Test
    void decodesTheThreeEntitiesOnce() {
        assertThat(SlackText.decode("502 &amp; timeouts", BOT)).isEqualTo("502 & timeouts");
        assertThat(SlackText.decode("curl: (7) port 8000 &gt; connection refused", BOT))
                .isEqualTo("curl: (7) port 8000 > connection refused");
        assertThat(SlackText.decode("if a &lt; b", BOT)).isEqualTo("if a < b");
        // the user typed "&lt;" literally: Slack sends "&amp;lt;", which is "&lt;" again, not "<"
        assertThat(SlackText.decode("&amp;lt; &amp;amp;", BOT)).isEqualTo("&lt; &amp;");
        assertThat(SlackText.decode("AT&T & co &nbsp; &", BOT)).isEqualTo("AT&T & co &nbsp; &");
    }

    @Test
    void linksBecomeTheirLabelOrTheirUrl() {
        assertThat(SlackText.decode("see <https://grafana.example.com/d/x?a=1&amp;b=2|the dashboard>", BOT))
                .isEqualTo("see the dashboard");
        assertThat(SlackText.decode("see <https://grafana.example.com/d/x?a=1&amp;b=2>", BOT))
                .isEqualTo("see https://grafana.example.com/d/x?a=1&b=2");
        assertThat(SlackText.decode("mail <mailto:ops@example.com|ops@example.com>", BOT))
                .isEqualTo("mail ops@example.com");
        assertThat(SlackText.decode("mail <mailto:ops@example.com>", BOT)).isEqualTo("mail ops@example.com");
        assertThat(SlackText.decode("<http://a.b|R&amp;D &lt;docs&gt;>", BOT)).isEqualTo("R&D <docs>");
    }

    @Test
    void userMentionsBecomeNamesAndTheBotsOwnIsDropped() {
        assertThat(SlackText.decode("<@U0BOT> disk full on <@U0ALICE>'s host", BOT))
                .isEqualTo("disk full on @U0ALICE's host");
        assertThat(SlackText.decode("ask <@W0BOB|bob> about <@U0BOT|runbook-bot> disk full", BOT))
                .isEqualTo("ask @bob about disk full");
        assertThat(SlackText.mention("<@U0BOT|runbook-bot> disk full", null)).isEqualTo("disk full");
        assertThat(SlackText.mention("<@U0BOT> <@U0ALICE|alice> disk full", null))
                .isEqualTo("@alice disk full");
        assertThat(SlackText.decode("<@U0ALICE> disk full", null)).isEqualTo("@U0ALICE disk full");
    }

    @Test
    void channelsSpecialMentionsAndDatesBecomeText() {
        assertThat(SlackText.decode("<!here> redis OOM in <#C0INC|inc-42>", BOT))
                .isEqualTo("redis OOM in #inc-42");
        assertThat(SlackText.decode("<!channel> <!everyone> down <#C0INC>", BOT))
                .isEqualTo("down #C0INC");
        assertThat(SlackText.decode("paging <!subteam^S0ONCALL|@oncall> now", BOT))
                .isEqualTo("paging @oncall now");
        assertThat(SlackText.decode("paging <!subteam^S0ONCALL> now", BOT)).isEqualTo("paging now");
        assertThat(SlackText.decode("since <!date^1700000000^{date_short} {time}|Nov 14, 10:13 PM>", BOT))
                .isEqualTo("since Nov 14, 10:13 PM");
    }

    @Test
    void leavesUnclosedOrEmptyMarkupAsText() {
        assertThat(SlackText.decode("a <b <https://x|y> <>", BOT)).isEqualTo("a <b y <>");
        assertThat(SlackText.decode(null, BOT)).isEmpty();
    }

    @Test
    void decodesHostileTextInLinearTime() {
        String[] hostile = {
            "<@U0BOT|x".repeat(40_000) + " disk full",
            "<".repeat(200_000) + "disk full",
            "&amp".repeat(50_000) + " disk full",
            " ".repeat(200_000) + "<!here> disk full",
            "<https://x|" + "&".repeat(200_000) + "> disk full"
        };
        for (String text : hostile) {
            long start = System.nanoTime();

            String decoded = SlackText.mention(text, null);

            assertThat(decoded).endsWith("disk full");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        }
    }
}
