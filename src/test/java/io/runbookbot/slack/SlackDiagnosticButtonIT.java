package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buttons → a real agent process → the output in the clicked message's thread. */
class SlackDiagnosticButtonIT {
    private static final String SECRET = "s3cret-for-tests-only-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runButtonRunsTheDiagnosticOnARealAgentAndPostsTheOutputInTheThread() throws Exception {
        try (AgentProcess agent = startAgent();
                ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SlackHarness h = SlackHarness.http(service(agent))) {
            int port = listening.getLocalPort();
            String value = SlackButtonValue.run("web-1", "listening-port", Map.of("port", Integer.toString(port)));
            ObjectNode json =
                    h.payloads.blockActions(SlackButtonValue.RUN + "0", value).json();
            ((ObjectNode) json.required("message"))
                    .set("blocks", JSON.readTree("""
                    [{"type": "actions", "block_id": "runbook_actions", "elements": [{"type": "button",
                      "action_id": "runbook_run_0", "text": {"type": "plain_text", "text": "Run listening-port"},
                      "value": %s}]}]""".formatted(JSON.writeValueAsString(value))));
            SlackPayload click = new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);

            assertThat(h.post(click).statusCode()).isEqualTo(200);

            RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
            assertThat(post.param("thread_ts"))
                    .contains(click.json().path("message").path("ts").asText());
            assertThat(post.param("text")).contains("listening-port on web-1: exit 0");
            JsonNode blocks = post.paramJson("blocks");
            assertThat(blocks.get(0).path("text").path("text").asText()).contains("exit 0");
            assertThat(blocks.get(1).path("text").path("text").asText())
                    .startsWith("```")
                    .endsWith("```")
                    .contains("LISTEN")
                    .contains(":" + port + " ");
            RecordedRequest noted = h.slack.awaitCall("chat.update", WAIT);
            assertThat(noted.param("ts"))
                    .contains(click.json().path("message").path("ts").asText());
            assertThat(noted.paramJson("blocks").toString())
                    .contains("Run listening-port")
                    .contains("`listening-port` on web-1 ran by <@" + SlackPayloads.USER_ID + ">")
                    .contains(": exit 0");
        }
    }

    @Test
    void changingDiagnosticWaitsForTheConfirmButtonOfTheSameUser() throws Exception {
        Path marker = dir.resolve("work/marker");
        try (AgentProcess agent = startAgent();
                SlackHarness h = SlackHarness.http(service(agent))) {
            h.post(h.payloads.blockActions(
                    SlackButtonValue.RUN + "0",
                    SlackButtonValue.run("web-1", "touch-marker", Map.of("file", marker.toString()))));

            RecordedRequest asked = h.slack.awaitCall("chat.postMessage", WAIT);
            JsonNode confirm = asked.paramJson("blocks").get(1).path("elements").get(0);
            assertThat(confirm.path("action_id").asText()).isEqualTo(SlackButtonValue.CONFIRM);
            assertThat(marker).doesNotExist();

            h.post(h.payloads.blockActions(
                    SlackButtonValue.CONFIRM, confirm.path("value").asText()));

            h.slack.calls().awaitCount(r -> r.route().equals("chat.postMessage"), 2, WAIT);
            assertThat(h.posts().get(1).param("text")).contains("touch-marker on web-1: exit 0");
            assertThat(marker).exists();
        }
    }

    private AgentProcess startAgent() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("allowlist.yaml"), """
                version: 1
                access: {users: [], roles: [], channels: [C0INCIDENT]}
                roots:
                  work: [%s]
                commands:
                  - id: listening-port
                    description: Which process listens on a TCP port
                    argv: [ss, -ltnp, "sport = :{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    timeout: 5s
                    read_only: true
                    recognizes: ["lsof -i :{port}"]
                  - id: touch-marker
                    description: Creates a file (changes something)
                    argv: [/usr/bin/touch, "{file}"]
                    params:
                      file: {type: path, root: work}
                    read_only: false
                """.formatted(dir.resolve("work")));
        return AgentProcess.start(dir, dir.resolve("allowlist.yaml"), dir.resolve("agent-audit.jsonl"), SECRET);
    }

    private DiagnosticsService service(AgentProcess agent) throws Exception {
        Path registry = dir.resolve("agents.yaml");
        Files.writeString(registry, """
                agents:
                  - {name: web-1, url: "%s", secret_env: AGENT_SECRET}
                """.formatted(agent.url()));
        AgentGateway gateway = new AgentGateway(
                AgentRegistry.load(registry),
                name -> name.equals("AGENT_SECRET") ? Optional.of(SECRET) : Optional.empty());
        return DiagnosticsService.builder(Allowlist.load(dir.resolve("allowlist.yaml")))
                .agents(gateway)
                .build();
    }
}
