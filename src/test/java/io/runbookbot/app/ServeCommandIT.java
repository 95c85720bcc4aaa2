package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook-bot serve} as a real process: probes, metrics, start-up errors, SIGTERM. */
class ServeCommandIT {
    private static final Pattern READY = ServeProcess.READY;

    @TempDir
    Path work;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void start(Map<String, String> extraEnv) throws IOException {
        process = ServeProcess.start(work, extraEnv, output, line -> {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        });
    }

    private HttpResponse<String> get(int httpPort, String path) throws Exception {
        return ServeProcess.get(httpPort, path);
    }

    @Test
    void servesProbesAndMetricsWithoutChatTokensAndStopsCleanlyOnSigterm() throws Exception {
        start(Map.of());
        int httpPort = port.get(60, TimeUnit.SECONDS);

        assertThat(get(httpPort, "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(httpPort, "/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        String metrics = get(httpPort, "/metrics").body();
        assertThat(metrics)
                .contains(
                        "runbookbot_questions_total 0",
                        "runbookbot_answers_total 0",
                        "runbookbot_abstentions_total 0",
                        "runbookbot_diagnostics_runs_total{outcome=\"completed\"} 0",
                        "runbookbot_feedback_total{helpful=\"true\"} 0",
                        "runbookbot_reloads_total{result=\"success\"} 1",
                        "runbookbot_answer_seconds_bucket{le=\"+Inf\"} 0",
                        "# TYPE runbookbot_sections gauge");
        Matcher sections = Pattern.compile("(?m)^runbookbot_sections (\\S+)$").matcher(metrics);
        assertThat(sections.find()).isTrue();
        assertThat(Double.parseDouble(sections.group(1))).isPositive();
        assertThat(output).anyMatch(l -> l.contains("SLACK_BOT_TOKEN=(not set)"));

        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as(String.join("\n", output))
                .isTrue();
        assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
    }

    @Test
    void servesSlackInSocketModeAndCountsTheQuestion() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    slack.apiUrlPrefix()));
            int httpPort = port.get(60, TimeUnit.SECONDS);
            slack.awaitSocketConnection(Duration.ofSeconds(20));
            assertThat(output).anyMatch(l -> l.contains("front ends: slack"));
            assertThat(get(httpPort, "/readyz").statusCode()).isEqualTo(200);

            SlackPayload command = slack.payloads().slashCommand("/runbook", "FATAL: sorry, too many clients already");
            slack.push(command, "env-1");

            RecordedRequest answer = slack.awaitResponse(command.responseId(), Duration.ofSeconds(20));
            assertThat(answer.json().path("text").asText()).contains("Too Many Connections");
            assertThat(get(httpPort, "/metrics").body())
                    .contains("runbookbot_questions_total 1.0\n", "runbookbot_answers_total 1.0\n");
            assertThat(String.join("\n", output))
                    .contains("SLACK_BOT_TOKEN=xoxb-****")
                    .doesNotContain("xapp-test");
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as(String.join("\n", output))
                    .isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void withAChatModelSlackAnswersCarryTheLabelledSummaryAboveTheSection() throws Exception {
        try (FakeSlack slack = FakeSlack.start();
                FakeOllama ollama = FakeOllama.start().models("llama3.1")) {
            ollama.script(FakeOllama.ChatReply.text("Raise `max_connections`, then run `SELECT pg_reload_conf();`."));
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    slack.apiUrlPrefix(),
                    "RUNBOOK_BOT_OLLAMA_URL",
                    ollama.baseUrl(),
                    "RUNBOOK_BOT_EMBED_MODEL",
                    "none",
                    "RUNBOOK_BOT_CHAT_MODEL",
                    "llama3.1",
                    "RUNBOOK_BOT_PROMPTS",
                    Path.of("prompts").toAbsolutePath().toString()));
            port.get(60, TimeUnit.SECONDS);
            slack.awaitSocketConnection(Duration.ofSeconds(20));

            SlackPayload command = slack.payloads().slashCommand("/runbook", "FATAL: sorry, too many clients already");
            slack.push(command, "env-1");

            JsonNode blocks = slack.awaitResponse(command.responseId(), Duration.ofSeconds(20))
                    .paramJson("blocks");
            assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                    .startsWith("\u2728 Generated summary (llama3.1");
            assertThat(blocks.get(2).path("text").path("text").asText())
                    .isEqualTo("Raise `max_connections`, then run `SELECT pg_reload_conf();`.");
            assertThat(output).anyMatch(l -> l.contains("RUNBOOK_BOT_PROMPTS="));
        }
    }

    @Test
    void withOllamaTheServedIndexTurnsHybridInTheBackgroundAndSlackCanInvestigate(@TempDir Path data) throws Exception {
        try (FakeSlack slack = FakeSlack.start();
                FakeOllama ollama = FakeOllama.start().models("nomic-embed-text", "llama3.1")) {
            ollama.script(
                    FakeOllama.ChatReply.toolCall("search_runbooks", Map.of("query", "too many clients")),
                    FakeOllama.ChatReply.text("Postgres is out of connections: raise max_connections."));
            Path log = data.resolve("investigations.jsonl");
            start(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-test",
                    "SLACK_APP_TOKEN",
                    "xapp-test",
                    "RUNBOOK_BOT_SLACK_API_URL",
                    slack.apiUrlPrefix(),
                    "RUNBOOK_BOT_OLLAMA_URL",
                    ollama.baseUrl(),
                    "RUNBOOK_BOT_CHAT_MODEL",
                    "llama3.1",
                    "RUNBOOK_BOT_CACHE_DIR",
                    data.resolve("cache").toString(),
                    "RUNBOOK_BOT_INVESTIGATION_LOG",
                    log.toString(),
                    "RUNBOOK_BOT_PROMPTS",
                    Path.of("prompts").toAbsolutePath().toString()));
            int httpPort = port.get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!get(httpPort, "/metrics").body().contains("runbookbot_hybrid_index 1")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(get(httpPort, "/metrics").body()).contains("runbookbot_hybrid_index 1");
            assertThat(data.resolve("cache/embeddings-nomic-embed-text.bin")).isRegularFile();
            slack.awaitSocketConnection(Duration.ofSeconds(20));

            SlackPayload command =
                    slack.payloads().slashCommand("/runbook", "investigate postgres refuses connections");
            slack.push(command, "env-1");

            String reply = slack.awaitResponse(command.responseId(), Duration.ofSeconds(20))
                    .json()
                    .toString();
            assertThat(reply).contains("raise max_connections", "troubleshooting-guide.md:131");
            assertThat(Files.readAllLines(log)).singleElement().asString().contains("search_runbooks");
        }
    }

    @Test
    void servesDiscordAndRepliesToAMention() throws Exception {
        String token = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
        try (FakeDiscord discord = FakeDiscord.start()) {
            start(Map.of(
                    "DISCORD_BOT_TOKEN",
                    token,
                    "RUNBOOK_BOT_DISCORD_REST_URL",
                    discord.restBaseUrl(),
                    "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
                    discord.gatewayUrl().toString()));
            int httpPort = port.get(60, TimeUnit.SECONDS);
            assertThat(output).anyMatch(l -> l.contains("front ends: discord"));
            assertThat(get(httpPort, "/readyz").statusCode()).isEqualTo(200);

            GatewayEvent mention = discord.pushMention("FATAL: sorry, too many clients already");

            RecordedRequest reply = discord.awaitCall(
                    r -> r.is("POST", "channels/" + DiscordEvents.CHANNEL_ID + "/messages"), Duration.ofSeconds(20));
            assertThat(reply.json().path("message_reference").path("message_id").asText())
                    .isEqualTo(mention.id());
            assertThat(String.join("\n", output)).doesNotContain(token);
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as(String.join("\n", output))
                    .isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void reindexesWhenARunbookIsAdded() throws Exception {
        Path runbooks = Files.createDirectories(work.resolve("runbooks"));
        Files.writeString(runbooks.resolve("disk.md"), "# Disk\n\n## Disk full\n\nRun `df -h`.\n");
        start(Map.of("RUNBOOK_BOT_RUNBOOKS", runbooks.toString()));
        int httpPort = port.get(60, TimeUnit.SECONDS);
        assertThat(get(httpPort, "/metrics").body()).contains("runbookbot_sections 1.0\n");

        Files.writeString(runbooks.resolve("port.md"), "# Ports\n\n## Port in use\n\nRun `lsof -i`.\n");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline
                && !get(httpPort, "/metrics").body().contains("runbookbot_sections 2.0\n")) {
            Thread.sleep(100);
        }
        assertThat(get(httpPort, "/metrics").body())
                .contains("runbookbot_sections 2.0\n")
                .doesNotContain("runbookbot_reloads_total{result=\"success\"} 1.0\n");
    }

    @Test
    void malformedSlackTokenIsAStartUpErrorThatDoesNotEchoIt() throws Exception {
        start(Map.of("SLACK_BOT_TOKEN", "garbage-token-value", "SLACK_APP_TOKEN", "xapp-1-abc"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitOutput("SLACK_BOT_TOKEN");
        String all = String.join("\n", output);
        assertThat(process.exitValue()).as(all).isEqualTo(2);
        assertThat(all).contains("SLACK_BOT_TOKEN").doesNotContain("garbage-token-value");
    }

    @Test
    void badPortIsAStartUpError() throws Exception {
        start(Map.of("RUNBOOK_BOT_HTTP_PORT", "eighty"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitOutput("RUNBOOK_BOT_HTTP_PORT");
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", output)).contains("RUNBOOK_BOT_HTTP_PORT");
    }

    /** The process has exited; its last lines may still be on their way through the reader thread. */
    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (output.stream().noneMatch(l -> l.contains(text)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
