package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackClicks;
import io.runbookbot.fakes.SlackLimits;
import io.runbookbot.fakes.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert's checks, prefilled from its labels, run from its post through {@code serve} (a real
 * process) on a real agent, with the same permissions as every run; and hostile labels reach Slack
 * escaped. The webhook here takes alerts without a token: allowed only because the HTTP listener
 * is loopback-only and the token is set to {@code none}.
 */
class AlertRunServeIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static FakeSlack slack;
    private static CompletableFuture<AgentProcess> starting;
    private static ServedBot bot;

    /** The agent and serve start side by side: the agent's port is chosen first, serve calls it only for a run. */
    @BeforeAll
    static void start() throws Exception {
        int agentPort = ServedBot.freePort();
        Path allowlist = Files.writeString(data.resolve("allowlist.yaml"), ServedBot.ALLOWLIST);
        starting = CompletableFuture.supplyAsync(() -> {
            try {
                return AgentProcess.startOn(
                        agentPort, data, allowlist, data.resolve("agent-audit.jsonl"), ServedBot.AGENT_SECRET);
            } catch (Exception e) {
                throw new IllegalStateException("the agent did not start", e);
            }
        });
        slack = FakeSlack.start();
        Path routes = Files.writeString(
                data.resolve("routes.yaml"), "default:\n  slack_channel: " + SlackPayloads.CHANNEL_ID + "\n");
        Map<String, String> env =
                new HashMap<>(ServedBot.diagnosticsEnv(data, URI.create("http://127.0.0.1:" + agentPort)));
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_APP_TOKEN", "xapp-test");
        env.put("RUNBOOK_BOT_SLACK_API_URL", slack.apiUrlPrefix());
        env.put("RUNBOOK_BOT_INCIDENT_CHANNELS", SlackPayloads.CHANNEL_ID);
        env.put("RUNBOOK_BOT_ALERT_ROUTES", routes.toString());
        env.put("RUNBOOK_BOT_ALERT_TOKEN", "none");
        env.put("RUNBOOK_BOT_ALERT_STATE", data.resolve("alerts").toString());
        bot = ServedBot.start(data, env);
        starting.get(60, TimeUnit.SECONDS); // up before the tests click
        slack.awaitSocketConnections(1, WAIT);
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (starting != null) {
            starting.thenAccept(AgentProcess::close);
        }
        if (slack != null) {
            SlackLimits.assertWithinLimits(slack);
            slack.close();
        }
    }

    private static int post(String groupKey, String labels, String annotations) throws Exception {
        String body = """
                {"version":"4","receiver":"bot","status":"firing","groupKey":"%s","truncatedAlerts":0,
                 "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am",
                 "alerts":[{"status":"firing","labels":%s,"annotations":%s,"startsAt":"2026-11-28T10:42:00Z",
                            "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus/graph","fingerprint":"%s"}]}""".formatted(groupKey, labels, annotations, Integer.toHexString(groupKey.hashCode()));
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/alertmanager"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void theAnchoredSectionsCheckIsPrefilledFromTheInstanceLabelAndRunsOnTheAgentFromTheRunButton() throws Exception {
        assertThat(
                        post(
                                "{}:{alertname=FlaskDown}",
                                "{\"alertname\":\"FlaskDown\",\"instance\":\"10.0.0.5:9000\"}",
                                "{\"runbook_url\":\"https://git.example.com/ops/runbooks/blob/main/server-wont-start-flask.md#resolution\"}"))
                .isEqualTo(200);

        RecordedRequest posted = slack.awaitCall(
                "chat.postMessage", r -> r.param("text").orElse("").endsWith("FlaskDown"), WAIT);
        JsonNode blocks = posted.paramJson("blocks");
        assertThat(blocks.toString()).contains("Issue: Port Already in Use › Resolution");
        JsonNode run =
                SlackClicks.button(blocks, id -> id.startsWith("runbook_run_")).orElseThrow();
        assertThat(run.path("value").asText()).contains("\"port\":\"9000\"");
        String ts = "1700000200.000100";
        slack.push(
                new SlackClicks(slack.payloads())
                        .onPublic(blocks, run.path("action_id").asText(), ts),
                "env-run");

        RecordedRequest output =
                slack.awaitCall("chat.postMessage", r -> r.param("thread_ts").equals(Optional.of(ts)), WAIT);
        assertThat(output.paramJson("blocks").toString()).contains("port-owner").contains("port 9000");
    }

    @Test
    void labelsFullOfChatMarkupArePostedEscapedAndMentionNobody() throws Exception {
        assertThat(post(
                        "{}:{alertname=Injected}",
                        "{\"alertname\":\"Injected\",\"pod\":\"<!channel> <@U0BOSS> <https://evil.example|click>\","
                                + "\"namespace\":\"@here\\u0007\\u001b[31m\"}",
                        "{\"summary\":\"<!everyone> wake up\"}"))
                .isEqualTo(200);

        RecordedRequest posted = slack.awaitCall(
                "chat.postMessage", r -> r.param("text").orElse("").endsWith("Injected"), WAIT);
        String json = posted.paramJson("blocks").toString();
        assertThat(json)
                .doesNotContain("<!channel>")
                .doesNotContain("<!everyone>")
                .doesNotContain("<@U0BOSS>")
                .doesNotContain("<https://evil.example")
                .doesNotContain("\\u0007")
                .doesNotContain("\\u001b")
                .contains("&lt;!channel&gt;");
        assertThat(posted.param("link_names")).isNotEqualTo(Optional.of("true"));
    }
}
