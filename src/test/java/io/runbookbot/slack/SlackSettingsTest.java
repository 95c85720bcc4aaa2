package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void rejectsAMalformedBotTokenWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackSettings.of("xoxp-user-token-42", Optional.empty(), Optional.of("s"), 3000,
                        List.of()))
                .withMessageStartingWith("Malformed Slack bot token: expected xoxb-")
                .withMessageNotContaining("user-token-42");
    }

    @Test
    void rejectsAMalformedAppToken() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackSettings.of("xoxb-1-2-abc", Optional.of("xoxb-not-an-app-token"),
                        Optional.empty(), 3000, List.of()))
                .withMessageStartingWith("Malformed Slack app token: expected xapp-");
    }

    @Test
    void httpModeNeedsTheSigningSecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackSettings.of("xoxb-1-2-abc", Optional.empty(), Optional.empty(), 3000, List.of()))
                .withMessageContaining("signing secret");
    }

    @Test
    void choosesSocketModeWhenAnAppTokenIsGivenAndNeverPrintsTokens() {
        SlackSettings settings = SlackSettings.of("xoxb-1-2-secretpart", Optional.of("xapp-1-A-othersecret"),
                Optional.of("signing-secret-value"), 0, List.of("inc-*"));

        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.toString()).doesNotContain("secretpart", "othersecret", "signing-secret-value");
    }

    @Test
    void manifestDescribesAnHttpModeAppWithTheCommandEventsAndScopes() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(
                SlackAppManifest.json("runbook-bot", Optional.of("https://bot.example.com/slack/events")));

        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/runbook");
        assertThat(manifest.at("/features/slash_commands/0/url").asText()).isEqualTo("https://bot.example.com/slack/events");
        assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString())
                .isEqualTo("[\"app_mention\",\"message.channels\",\"message.groups\"]");
        assertThat(manifest.at("/oauth_config/scopes/bot").toString()).contains("\"chat:write\"", "\"commands\"");
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
    }

    @Test
    void manifestWithoutARequestUrlIsASocketModeApp() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(SlackAppManifest.json("runbook-bot", Optional.empty()));

        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/request_url").isMissingNode()).isTrue();
    }
}
