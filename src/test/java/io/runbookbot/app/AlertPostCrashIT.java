package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.AnswerHold;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.DiscordLimits;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window issue 13 left open: {@code serve} killed with SIGKILL after Slack and Discord took a
 * group's first post but before the bot heard their answers, so the message ids were never
 * recorded. The fakes take each post (the message is in the channel) and hold their answer until
 * the test has killed the bot, which makes that moment certain, with no hook in the bot. Started
 * again on the same folder, the bot replays the notification from its journal, finds each message
 * by the group's marker (Slack's message metadata, Discord's embed footer; Discord's nonce window
 * is set to nothing so that only the lookup can find it) and edits it: one top-level message per
 * group on each platform, and the next notification edits that one. Without access to the history,
 * Discord's nonce still covers a short crash, and Slack gets the group again while the log says
 * which scope to grant.
 */
class AlertPostCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "alert-token-for-tests-0123456789";
    private static final String SLACK_CHANNEL = "C0ALERTS";
    private static final String DISCORD_CHANNEL = DiscordEvents.CHANNEL_ID;
    private static final String DISCORD_POSTS = "channels/" + DISCORD_CHANNEL + "/messages";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    private FakeSlack slack;
    private FakeDiscord discord;
    private final List<ServedBot> runs = new ArrayList<>();

    @BeforeEach
    void fakes() {
        slack = FakeSlack.start();
        discord = FakeDiscord.start();
    }

    @AfterEach
    void stop() {
        runs.forEach(ServedBot::close);
        discord.close();
        slack.close();
    }

    private ServedBot serve() throws Exception {
        Path routes = Files.writeString(data.resolve("routes.yaml"), """
                routes: []
                default:
                  slack_channel: %s
                  discord_channel: "%s"
                """.formatted(SLACK_CHANNEL, DISCORD_CHANNEL));
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_APP_TOKEN", "xapp-test");
        env.put("RUNBOOK_BOT_SLACK_API_URL", slack.apiUrlPrefix());
        env.put("DISCORD_BOT_TOKEN", "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789");
        env.put("RUNBOOK_BOT_DISCORD_REST_URL", discord.restBaseUrl());
        env.put("RUNBOOK_BOT_DISCORD_GATEWAY_URL", discord.gatewayUrl().toString());
        env.put("RUNBOOK_BOT_ALERT_ROUTES", routes.toString());
        env.put("RUNBOOK_BOT_ALERT_TOKEN", TOKEN);
        env.put("RUNBOOK_BOT_ALERT_STATE", data.resolve("alerts").toString());
        ServedBot bot = ServedBot.start(data, env);
        runs.add(bot);
        return bot;
    }

    private static void notify(ServedBot bot, String fixture) throws Exception {
        byte[] body = AlertPostCrashIT.class
                .getResourceAsStream("/alertmanager/" + fixture + ".json")
                .readAllBytes();
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/alertmanager"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The group records on disk: each one's message id, empty while a post is pending. */
    private List<String> recordedIds() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("alerts").resolve("groups"))) {
            List<String> ids = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                ids.add(JSON.readTree(file.toFile()).path("platform").asText() + ":"
                        + JSON.readTree(file.toFile()).path("messageId").asText());
            }
            return ids;
        }
    }

    private List<JsonNode> discordAlertMessages() {
        return discord.channelMessages(DISCORD_CHANNEL).stream()
                .filter(m -> !m.has("message_reference"))
                .toList();
    }

    /**
     * Starts serve, sends the firing group and kills serve while both platforms hold their answer
     * to its first post; checks both posts were left pending and each platform has the message.
     */
    private void killDuringTheFirstPost() throws Exception {
        AnswerHold slackPost = slack.holdAnswer(
                "chat.postMessage",
                r -> r.param("channel").orElse("").equals(SLACK_CHANNEL)
                        && r.param("thread_ts").isEmpty());
        AnswerHold discordPost = discord.holdAnswer(r -> r.is("POST", DISCORD_POSTS));
        ServedBot first = serve();
        slack.awaitSocketConnections(1, WAIT);

        notify(first, "prometheus-firing");
        slackPost.awaitHeld(WAIT);
        discordPost.awaitHeld(WAIT);
        first.kill();
        slackPost.release();
        discordPost.release();

        assertThat(recordedIds())
                .as("killed before either id was written: both posts pending")
                .containsExactlyInAnyOrder("slack:", "discord:");
        assertThat(slack.channelMessages(SLACK_CHANNEL))
                .as("Slack has the message")
                .hasSize(1);
        assertThat(discordAlertMessages()).as("Discord has the message").hasSize(1);
    }

    @Test
    void killedBetweenThePlatformTakingThePostAndTheIdBeingRecordedTheRestartEditsThatMessage() throws Exception {
        discord.nonceWindow(Duration.ZERO); // a crash longer than Discord's nonce window: only the lookup helps
        killDuringTheFirstPost();
        String ts = slack.channelMessages(SLACK_CHANNEL).get(0).path("ts").asText();
        String id = discordAlertMessages().get(0).path("id").asText();

        ServedBot second = serve();

        RecordedRequest slackEdit =
                slack.awaitCall("chat.update", r -> r.param("ts").orElse("").equals(ts), WAIT);
        discord.awaitCall("PATCH", DISCORD_POSTS + "/" + id, WAIT);
        assertThat(slackEdit.paramJson("blocks").toString()).contains("FIRING 3");
        assertThat(slack.callsTo("conversations.history")).isNotEmpty();
        assertThat(discord.calls().matching(r -> r.is("GET", DISCORD_POSTS))).isNotEmpty();
        assertThat(slack.channelMessages(SLACK_CHANNEL))
                .as("one Slack message for the group")
                .hasSize(1);
        assertThat(discordAlertMessages())
                .as("one Discord message for the group")
                .hasSize(1);

        notify(second, "prometheus-partially-resolved");

        slack.awaitCall(
                "chat.update",
                r -> r.param("ts").orElse("").equals(ts)
                        && r.paramJson("blocks").toString().contains("resolved 1"),
                WAIT);
        slack.awaitCall(
                "chat.postMessage",
                r -> r.param("thread_ts").orElse("").equals(ts)
                        && r.param("text").orElse("").contains("Resolved:"),
                WAIT);
        discord.awaitCall(
                r -> r.is("PATCH", DISCORD_POSTS + "/" + id) && r.body().contains("resolved 1"), WAIT);
        discord.awaitCall(
                r -> r.is("POST", DISCORD_POSTS)
                        && r.json()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(id),
                WAIT);
        assertThat(slack.channelMessages(SLACK_CHANNEL)).hasSize(1);
        assertThat(discordAlertMessages()).hasSize(1);
        assertThat(recordedIds()).containsExactlyInAnyOrder("slack:" + ts, "discord:" + id);
        assertThat(second.output())
                .contains("was posted to slack before a restart")
                .contains("was posted to discord before a restart");
        SlackLimits.assertWithinLimits(slack);
        DiscordLimits.assertWithinLimits(discord);
    }

    @Test
    void withoutHistoryAccessDiscordsNonceStillCoversAShortCrashAndSlackPostsAgainSayingWhichScopeToGrant()
            throws Exception {
        killDuringTheFirstPost();
        String id = discordAlertMessages().get(0).path("id").asText();
        slack.answer(
                "conversations.history",
                r -> JSON.createObjectNode()
                        .put("ok", false)
                        .put("error", "missing_scope")
                        .put("needed", "channels:history")
                        .put("provided", "chat:write,commands"));
        discord.failNext(r -> r.is("GET", DISCORD_POSTS), 403, "Missing Access", 50001);

        ServedBot second = serve();

        RecordedRequest repost = discord.awaitCall(
                r -> r.is("POST", DISCORD_POSTS)
                        && r.json().path("nonce").asText().startsWith("rbg-"),
                WAIT);
        slack.calls()
                .awaitCount(
                        r -> r.route().equals("chat.postMessage")
                                && r.param("channel").orElse("").equals(SLACK_CHANNEL)
                                && r.param("thread_ts").isEmpty(),
                        2,
                        WAIT);
        notify(second, "prometheus-partially-resolved");
        discord.awaitCall(
                r -> r.is("PATCH", DISCORD_POSTS + "/" + id) && r.body().contains("resolved 1"), WAIT);

        assertThat(repost.json().path("enforce_nonce").asBoolean()).isTrue();
        assertThat(discordAlertMessages())
                .as("Discord answered the repeated nonce with the first message")
                .hasSize(1);
        assertThat(slack.channelMessages(SLACK_CHANNEL))
                .as("without channels:history Slack gets the group again")
                .hasSize(2);
        assertThat(second.output())
                .contains("Give the Slack app the channels:history scope (groups:history for private channels)")
                .contains("missing_scope (needed: channels:history)")
                .contains("Give the bot the Read Message History permission");
    }
}
