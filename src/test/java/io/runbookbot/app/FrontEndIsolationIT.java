package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a real process with two front ends, one of which cannot start: the other
 * serves, and the log and /readyz name the real cause.
 */
class FrontEndIsolationIT {
    private static final Pattern READY = ServeProcess.READY;
    private static final String DISCORD_TOKEN =
            "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UNKNOWN_HOST =
            "cannot reach the Slack API: unknown host slack-api.invalid" + " (DNS lookup failed)";

    @TempDir
    Path work;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> readyLine = new CompletableFuture<>();

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void slackWhoseApiHostDoesNotResolveLeavesDiscordServingAndReadyzNamesTheUnknownHost() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    "http://slack-api.invalid/api/",
                    "DISCORD_BOT_TOKEN",
                    DISCORD_TOKEN,
                    "RUNBOOK_BOT_DISCORD_REST_URL",
                    discord.restBaseUrl(),
                    "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
                    discord.gatewayUrl().toString()));
            String ready = readyLine.get(60, TimeUnit.SECONDS);
            Matcher port = READY.matcher(ready);
            assertThat(port.find()).isTrue();
            int httpPort = Integer.parseInt(port.group(1));

            assertThat(ready).contains("front ends: slack (failed to start, see /readyz), discord");
            discord.pushMention("FATAL: sorry, too many clients already");
            RecordedRequest reply = discord.awaitCall(
                    r -> r.is("POST", "channels/" + DiscordEvents.CHANNEL_ID + "/messages"), Duration.ofSeconds(20));
            assertThat(reply.json().path("embeds").path(0).path("title").asText())
                    .endsWith("Too Many Connections");

            HttpResponse<String> readyz = get(httpPort, "/readyz");
            assertThat(readyz.statusCode()).isEqualTo(503);
            JsonNode reasons = new ObjectMapper().readTree(readyz.body()).path("reasons");
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0).asText())
                    .isEqualTo("slack: failed to start: " + UNKNOWN_HOST + " (retrying in the background)");
            assertThat(String.join("\n", output))
                    .contains("The Slack front end failed to start: " + UNKNOWN_HOST)
                    .doesNotContain("The token is invalid")
                    .doesNotContain(DISCORD_TOKEN);

            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as(String.join("\n", output))
                    .isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void discordWhoseRestApiRefusesConnectionsLeavesSlackServingAndReadyzNamesTheCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FakeSlack slack = FakeSlack.start()) {
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    slack.apiUrlPrefix(),
                    "DISCORD_BOT_TOKEN",
                    DISCORD_TOKEN,
                    "RUNBOOK_BOT_DISCORD_REST_URL",
                    "http://127.0.0.1:" + closedPort + "/api/v10/",
                    "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
                    "ws://127.0.0.1:" + closedPort + "/"));
            String ready = readyLine.get(90, TimeUnit.SECONDS);
            Matcher port = READY.matcher(ready);
            assertThat(port.find()).isTrue();
            assertThat(ready).contains("front ends: slack, discord (failed to start, see /readyz)");
            slack.awaitSocketConnection(Duration.ofSeconds(20));

            SlackPayload command = slack.payloads().slashCommand("/runbook", "FATAL: sorry, too many clients already");
            slack.push(command, "env-1");
            assertThat(slack.awaitResponse(command.responseId(), Duration.ofSeconds(20))
                            .json()
                            .path("text")
                            .asText())
                    .contains("Too Many Connections");

            HttpResponse<String> readyz = get(Integer.parseInt(port.group(1)), "/readyz");
            assertThat(readyz.statusCode()).isEqualTo(503);
            JsonNode reasons = new ObjectMapper().readTree(readyz.body()).path("reasons");
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0).asText())
                    .startsWith("discord: failed to start: cannot log in to Discord at" + " http://127.0.0.1:"
                            + closedPort + "/api/v10/ (cause: ConnectException: ")
                    .doesNotContain(DISCORD_TOKEN);
            assertThat(String.join("\n", output)).doesNotContain(DISCORD_TOKEN);
        }
    }

    @Test
    void slackThatCannotStartAtBootIsStartedAgainInTheBackgroundAndThenAnswers() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            AtomicBoolean down = new AtomicBoolean(true);
            slack.answer(
                    "auth.test",
                    request -> down.get()
                            ? new ObjectMapper()
                                    .createObjectNode()
                                    .put("ok", false)
                                    .put("error", "service_unavailable")
                            : null);
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    slack.apiUrlPrefix()));
            Matcher port = READY.matcher(readyLine.get(60, TimeUnit.SECONDS));
            assertThat(port.find()).isTrue();
            int httpPort = Integer.parseInt(port.group(1));
            HttpResponse<String> failing = get(httpPort, "/readyz");
            assertThat(failing.body())
                    .contains("slack: failed to start: Slack refused the bot token (auth.test error:"
                            + " service_unavailable) (retrying in the background)");
            down.set(false);

            slack.awaitSocketConnection(Duration.ofSeconds(30));
            SlackPayload command = slack.payloads().slashCommand("/runbook", "FATAL: sorry, too many clients already");
            slack.push(command, "env-1");
            assertThat(slack.awaitResponse(command.responseId(), Duration.ofSeconds(20))
                            .json()
                            .path("text")
                            .asText())
                    .contains("Too Many Connections");
            assertThat(get(httpPort, "/readyz").statusCode()).isEqualTo(200);
            assertThat(String.join("\n", output)).contains("The Slack front end started");
        }
    }

    private void start(Map<String, String> extraEnv) throws IOException {
        process = ServeProcess.start(work, extraEnv, output, readyLine::complete);
    }

    private static HttpResponse<String> get(int httpPort, String path) throws Exception {
        return ServeProcess.get(httpPort, path);
    }
}
