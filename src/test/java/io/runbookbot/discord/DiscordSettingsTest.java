package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void refusesAMalformedTokenWithAMessageThatDoesNotQuoteIt() {
        assertThatThrownBy(() -> DiscordSettings.of("not-a-token secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Discord token is malformed (18 characters)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesATokenWithTheBotPrefix() {
        assertThatThrownBy(() -> DiscordSettings.of("Bot " + TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Discord token: give the bare bot token, without the \"Bot \" prefix");
    }

    @Test
    void keepsTheTokenOutOfToString() {
        assertThat(DiscordSettings.of(TOKEN).toString())
                .isEqualTo("DiscordSettings[token=****, restBaseUrl=(Discord), gatewayUrl=(Discord)]");
    }
}
