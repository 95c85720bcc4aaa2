package io.runbookbot.agent.server;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static io.runbookbot.agent.server.SignedHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as a real process: validation through the real allowlist, crashes, SIGTERM. */
class AgentProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path allowlist() throws Exception {
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, """
                version: 1
                commands:
                  - id: echo-ok
                    description: prints ok
                    argv: [/bin/echo, ok]
                    read_only: true
                  - id: greet
                    description: greets someone
                    argv: [/bin/echo, "hello {who}"]
                    read_only: true
                    params:
                      who: {type: pattern, pattern: "[a-z]+", max_length: 20}
                """);
        return file;
    }

    private static JsonNode lastLine(Path audit) throws Exception {
        List<String> lines = Files.readAllLines(audit);
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void auditLineOfARunSurvivesKillMinus9RightAfterTheResponse() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        AgentProcess agent = AgentProcess.start(dir, allowlist(), audit, SECRET);
        HttpResponse<String> r = signed(agent.url(), "POST", "/v1/run", runBody("echo-ok", "{}", "crash-test"));
        agent.kill();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(agent.process().isAlive()).isFalse();
        JsonNode line = lastLine(audit);
        assertThat(line.get("who").asText()).isEqualTo("crash-test");
        assertThat(line.get("decision").asText()).isEqualTo("allowed");
        assertThat(line.get("exit_code").asInt()).isZero();
        assertThat(line.get("output_bytes").asInt()).isEqualTo(3);
    }

    @Test
    void revalidatesEveryRequestAgainstItsOwnAllowlist() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (AgentProcess agent = AgentProcess.start(dir, allowlist(), audit, SECRET)) {
            HttpResponse<String> ok =
                    signed(agent.url(), "POST", "/v1/run", runBody("greet", "{\"who\":\"ann\"}", "u"));
            assertThat(JSON.readTree(ok.body()).get("stdout").asText()).isEqualTo("hello ann\n");

            HttpResponse<String> bad =
                    signed(agent.url(), "POST", "/v1/run", runBody("greet", "{\"who\":\"$(id)\"}", "u"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("error").asText()).isEqualTo("invalid_params");
            assertThat(JSON.readTree(bad.body()).get("reason").asText()).contains("who");
            assertThat(lastLine(audit).get("decision").asText()).isEqualTo("invalid");
            assertThat(lastLine(audit).get("params").get("who").asText()).isEqualTo("$(id)");

            HttpResponse<String> unknown = signed(agent.url(), "POST", "/v1/run", runBody("rm", "{}", "u"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(lastLine(audit).get("decision").asText()).isEqualTo("denied");
        }
    }

    @Test
    void sigtermStopsTheAgentGracefully() throws Exception {
        AgentProcess agent = AgentProcess.start(dir, allowlist(), dir.resolve("audit.jsonl"), SECRET);
        agent.process().destroy();
        assertThat(agent.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.stderr()).contains("agent stopping");
    }

    @Test
    void logsItsSettingsOnceAndNeverTheSecret() throws Exception {
        try (AgentProcess agent = AgentProcess.start(dir, allowlist(), dir.resolve("audit.jsonl"), SECRET)) {
            String log = agent.stderr();
            assertThat(log)
                    .contains("listening on 127.0.0.1:" + agent.url().getPort())
                    .contains("(2 commands)")
                    .contains("max concurrent 4")
                    .contains("environment variable RUNBOOK_BOT_AGENT_SECRET")
                    .doesNotContain(SECRET);
        }
    }
}
