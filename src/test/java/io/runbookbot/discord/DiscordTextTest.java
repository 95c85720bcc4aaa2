package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Message content as Discord sends it (content / option value), mention and emoji markup raw. */
class DiscordTextTest {
    private static final String SELF = "1000000000000000001";

    /** A fenced traceback keeps its lines (the fence markers go): the core distils the same text. */
    @Test
    void aFencedTracebackKeepsItsLines() throws java.io.IOException {
        String traceback = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/pasted/python-module-not-found.log"));

        String decoded = DiscordText.decode("<@" + SELF + ">\n```python\n" + traceback + "```");

        assertThat(decoded.lines().count()).isEqualTo(traceback.strip().lines().count());
        assertThat(io.runbookbot.search.analysis.PastedText.distil(decoded))
                .isEqualTo(io.runbookbot.search.analysis.PastedText.distil(traceback));
    }

    @Test
    void dropsEveryFormOfMention() {
        assertThat(DiscordText.decode("<@" + SELF + "> disk full")).isEqualTo("disk full");
        assertThat(DiscordText.decode("hey <@!" + SELF + ">   run disk-usage")).isEqualTo("hey run disk-usage");
        assertThat(DiscordText.decode("<@&2100000000000000001> redis OOM in <#3000000000000000003> again"))
                .isEqualTo("redis OOM in again");
        assertThat(DiscordText.decode("<@4000000000000000002> <@" + SELF + ">")).isEmpty();
    }

    @Test
    void dropsEmojiAndTimestamps() {
        assertThat(DiscordText.decode(
                        "<:fire:123456789012345678> disk full <a:alarm:223456789012345678> since <t:1700000000:R>"))
                .isEqualTo("disk full since");
        assertThat(DiscordText.decode("since <t:1700000000>, 502s")).isEqualTo("since , 502s");
    }

    @Test
    void dropsMarkdownMarkersAndKeepsTheWordsInside() {
        assertThat(DiscordText.decode(
                        "**uvicorn** won't _start_: `[Errno 98] Address already in use` ~~maybe~~ ||port 8000||"))
                .isEqualTo("uvicorn won't start: [Errno 98] Address already in use maybe port 8000");
        assertThat(DiscordText.decode("```python\nOSError: [Errno 98] Address already in use\n```"))
                .isEqualTo("OSError: [Errno 98] Address already in use");
        assertThat(DiscordText.decode("***too many clients***")).isEqualTo("too many clients");
    }

    @Test
    void keepsMarkersThatAreNotMarkdown() {
        assertThat(DiscordText.decode("FATAL: too_many_clients in /var/lib/* | grep x || true"))
                .isEqualTo("FATAL: too_many_clients in /var/lib/* | grep x || true");
        assertThat(DiscordText.decode("port 8000 > connection refused, a < b, <not markup>, <@name>"))
                .isEqualTo("port 8000 > connection refused, a < b, <not markup>, <@name>");
        assertThat(DiscordText.decode("ls ~/.ssh")).isEqualTo("ls ~/.ssh");
    }

    @Test
    void decodesHostileTextInLinearTime() {
        String[] hostile = {
            "a" + " ".repeat(100_000) + "b <@" + SELF + "> disk full",
            "<@".repeat(100_000) + "disk full",
            "<:x".repeat(60_000) + " disk full",
            "`".repeat(200_000) + "disk full",
            "*_".repeat(100_000) + "disk full",
            "<t:" + "1".repeat(200_000) + " disk full"
        };
        for (String text : hostile) {
            long start = System.nanoTime();

            String decoded = DiscordText.decode(text);

            assertThat(decoded).endsWith("disk full");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        }
    }
}
