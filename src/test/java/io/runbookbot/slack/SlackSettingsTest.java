package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void neverPrintsTokensOrTheSigningSecretInEitherMode() {
        SlackSettings socket = new SlackSettings(
                "xoxb-1-2-secretpart",
                new SlackSettings.SocketMode("xapp-1-A-othersecret"),
                List.of("inc-*"),
                SlackSettings.SLACK_API);
        SlackSettings http = new SlackSettings(
                "xoxb-1-2-secretpart",
                new SlackSettings.HttpMode("signing-secret-value", 3000, InetAddress.getLoopbackAddress()),
                List.of(),
                SlackSettings.SLACK_API);

        assertThat(socket.socketMode()).isTrue();
        assertThat(http.socketMode()).isFalse();
        assertThat(socket + " " + http)
                .doesNotContain("secretpart", "othersecret", "signing-secret-value")
                .contains("mode=socket", "mode=http 127.0.0.1 port 3000");
    }

    @Test
    void manifestDescribesAnHttpModeAppWithTheCommandEventsAndScopes() throws Exception {
        JsonNode manifest = new ObjectMapper()
                .readTree(SlackAppManifest.json("runbook-bot", Optional.of("https://bot.example.com/slack/events")));

        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/runbook");
        assertThat(manifest.at("/features/slash_commands/0/url").asText())
                .isEqualTo("https://bot.example.com/slack/events");
        assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString())
                .isEqualTo("[\"app_mention\",\"message.channels\",\"message.groups\",\"message.im\","
                        + "\"app_home_opened\"]");
        assertThat(manifest.at("/oauth_config/scopes/bot").toString())
                .contains("\"chat:write\"", "\"commands\"", "\"usergroups:read\"", "\"im:history\"");
        assertThat(manifest.at("/features/shortcuts/0/callback_id").asText()).isEqualTo(SlackBot.FIND_SHORTCUT);
        assertThat(manifest.at("/features/shortcuts/0/type").asText()).isEqualTo("message");
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean())
                .isTrue();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean())
                .isTrue();
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
    }

    @Test
    void manifestWithoutARequestUrlIsASocketModeApp() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(SlackAppManifest.json("runbook-bot", Optional.empty()));

        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/request_url").isMissingNode())
                .isTrue();
    }
}
