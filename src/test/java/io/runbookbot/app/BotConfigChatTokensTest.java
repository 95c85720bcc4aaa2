package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Slack and Discord settings: token shapes, secrets from files, redaction, incident channels. */
class BotConfigChatTokensTest extends BotConfigFixture {

    @Test
    void slackInSocketModeWithIncidentChannels() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_APP_TOKEN",
                APP,
                "RUNBOOK_BOT_INCIDENT_CHANNELS",
                "C024BE91L, inc-*, #sev1-*"));

        BotConfig.Slack slack = load().slack().orElseThrow();

        assertThat(slack.botToken().reveal()).isEqualTo(BOT);
        assertThat(slack.socketMode()).isTrue();
        assertThat(slack.httpPort()).isEqualTo(3000);
        assertThat(slack.incidentChannels()).containsExactly("C024BE91L", "inc-*", "#sev1-*");
    }

    @Test
    void describeRedactsEverySecret() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_SIGNING_SECRET",
                "8f742231b10e8888abcd99yyyzzz85a5",
                "DISCORD_BOT_TOKEN",
                DISCORD));

        List<String> lines = summary();

        assertThat(lines).contains("SLACK_BOT_TOKEN=xoxb-****", "DISCORD_BOT_TOKEN=****");
        assertThat(String.join("\n", lines)).doesNotContain(BOT, "8f742231b10e", DISCORD);
        assertThat(load().toString()).doesNotContain(BOT, "8f742231b10e", DISCORD);
    }

    @Test
    void secretFromAMountedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("discord-token"), DISCORD + "\n");
        env.put("DISCORD_BOT_TOKEN_FILE", file.toString());

        assertThat(load().discord().orElseThrow().botToken().reveal()).isEqualTo(DISCORD);
    }

    @Test
    void rejectsSlackBotTokenWithTheWrongPrefix() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", "garbage-value", "SLACK_APP_TOKEN", APP));
        assertRejected("SLACK_BOT_TOKEN", "garbage-value");
    }

    @Test
    void rejectsSlackBotTokenWithWhitespace() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", BOT + "\n", "SLACK_APP_TOKEN", APP));
        assertRejected("SLACK_BOT_TOKEN", BOT);
    }

    @Test
    void rejectsSlackAppTokenWithTheWrongPrefix() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxb-wrong-kind"));
        assertRejected("SLACK_APP_TOKEN", "xoxb-wrong-kind");
    }

    @Test
    void rejectsDiscordTokenThatIsNotThreeParts() {
        env.put("DISCORD_BOT_TOKEN", "just-one-part-token");
        assertRejected("DISCORD_BOT_TOKEN", "just-one-part-token");
    }

    @Test
    void rejectsSlackWithNeitherAppTokenNorSigningSecret() {
        env.put("SLACK_BOT_TOKEN", BOT);
        assertRejected("SLACK_SIGNING_SECRET", BOT);
    }

    @Test
    void rejectsDiscordTokenWithBotPrefix() {
        env.put("DISCORD_BOT_TOKEN", "Bot " + DISCORD);
        assertRejected("DISCORD_BOT_TOKEN", DISCORD);
    }

    @Test
    void rejectsMalformedIncidentChannel() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_APP_TOKEN",
                APP,
                "RUNBOOK_BOT_INCIDENT_CHANNELS",
                "inc-*, #general chat"));
        assertRejected("RUNBOOK_BOT_INCIDENT_CHANNELS", BOT);
    }
}
