package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordBotTest {
    private static final String SELF = "1000000000000000001";

    @Test
    void stripsBothFormsOfTheBotMentionAndKeepsOtherMentions() {
        assertThat(DiscordBot.stripMention("<@" + SELF + "> disk full", SELF)).isEqualTo("disk full");
        assertThat(DiscordBot.stripMention("hey <@!" + SELF + ">   run disk-usage", SELF)).isEqualTo("hey run disk-usage");
        assertThat(DiscordBot.stripMention("<@4000000000000000002> <@" + SELF + ">", SELF))
                .isEqualTo("<@4000000000000000002>");
    }

    @Test
    void stripsTheMentionInLinearTimeFromHostileText() {
        long start = System.nanoTime();

        String stripped = DiscordBot.stripMention("a" + " ".repeat(100_000) + "b <@" + SELF + ">", SELF);

        assertThat(stripped).startsWith("a ").endsWith(" b");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void registersRunbookWithARequiredQuestionOption() {
        assertThat(DiscordBot.command().getName()).isEqualTo("runbook");
        assertThat(DiscordBot.command().getOptions()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("question"))
                .satisfies(o -> assertThat(o.isRequired()).isTrue());
    }
}
