package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void keepsTheTokenOutOfToString() {
        assertThat(DiscordSettings.of(TOKEN).toString())
                .isEqualTo(
                        "DiscordSettings[token=****, restBaseUrl=(Discord), gatewayUrl=(Discord), incidentChannels=[]]");
    }
}
