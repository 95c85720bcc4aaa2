package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runbook markdown to Slack mrkdwn: what changes, what stays, and in linear time. */
class SlackMarkdownTest {
    @Test
    void markdownHeadingsBoldAndLinksBecomeMrkdwnWhileCodeBlocksStay() {
        String mrkdwn = SlackMarkdown.toMrkdwn("""
                ### Fix it
                **Error:** `FATAL` & see [docs](https://example.com/x)
                - first
                ```bash
                grep "a<b" **not bold**
                ```""");

        assertThat(mrkdwn).isEqualTo("""
                *Fix it*
                *Error:* `FATAL` &amp; see <https://example.com/x|docs>
                • first
                ```
                grep "a&lt;b" **not bold**
                ```""");
    }

    @Test
    void aHostileLongRunbookLineIsEscapedInLinearTime() {
        String line = "## a" + " ".repeat(200_000) + "b <x>";
        long start = System.nanoTime();

        String mrkdwn = SlackMarkdown.toMrkdwn(line + "\n" + "**a ".repeat(50_000));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(mrkdwn).startsWith("## a").contains("b &lt;x&gt;");
    }
}
