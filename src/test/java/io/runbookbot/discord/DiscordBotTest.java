package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordBotTest {
    @Test
    void registersRunbookWithARequiredQuestionOption() {
        assertThat(DiscordBot.command().getName()).isEqualTo("runbook");
        assertThat(DiscordBot.command().getOptions())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("question"))
                .satisfies(o -> assertThat(o.isRequired()).isTrue());
    }
}
