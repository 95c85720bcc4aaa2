package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.DiagnosticReport.Outcome;
import io.runbookbot.core.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot-side service with the real allowlist loader, real processes and a real agent. */
class DiagnosticsServiceIT {
    private static final String SECRET = "s3cret-for-tests-only-0123456789abcdef";
    private static final Caller ONCALL = new Caller("slack", "U1", List.of("oncall"), "C1");
    private static final Caller OTHER_ONCALL = new Caller("slack", "U2", List.of("oncall"), "C1");
    private static final Caller STRANGER = new Caller("slack", "U9", List.of(), "C1");

    @TempDir
    Path dir;

    private Allowlist allowlist;
    private AuditLog audit;
    private CommandRunner runner;
    private DiagnosticsService service;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(dir.resolve("work"));
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, """
                version: 1
                access: {roles: [oncall]}
                roots:
                  work: [%s]
                commands:
                  - id: echo-word
                    description: Prints a word
                    argv: [/usr/bin/printf, "%%s", "{word}"]
                    params:
                      word: {type: pattern, pattern: "[A-Za-z0-9=_-]{1,40}"}
                    read_only: true
                  - id: touch-marker
                    description: Creates a file (changes something)
                    argv: [/usr/bin/touch, "{file}"]
                    params:
                      file: {type: path, root: work}
                    read_only: false
                """.formatted(dir.resolve("work")));
        allowlist = Allowlist.load(file);
        audit = AuditLog.open(dir.resolve("audit.jsonl"));
        runner = new CommandRunner(2, Duration.ofSeconds(1));
        service = DiagnosticsService.builder(allowlist)
                .local(runner)
                .audit(audit)
                .perMinute(3)
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        runner.close();
        audit.close();
    }

    @Test
    void runsAnAllowedDiagnosticAndRedactsSecretsInItsOutput() {
        DiagnosticReport report = run(ONCALL, "echo-word", Map.of("word", "PASSWORD=hunter2"));

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(((DiagnosticReport.Ran) report).exitCode()).isZero();
        assertThat(((DiagnosticReport.Ran) report).stdout())
                .isEqualTo("PASSWORD=****")
                .doesNotContain("hunter2");
    }

    @Test
    void deniesAChatUserWithoutARoleOrChannelGrant() {
        DiagnosticReport report = run(STRANGER, "echo-word", Map.of("word", "hi"));

        assertThat(report.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(report.message()).contains("not allowed to run echo-word");
    }

    @Test
    void refusesUnknownCommandsAndHostileParametersBeforeAnythingRuns() {
        assertThat(run(ONCALL, "rm-rf", Map.of()).message()).contains("Unknown diagnostic \"rm-rf\"");
        DiagnosticReport hostile = run(ONCALL, "echo-word", Map.of("word", "x;touch " + dir.resolve("CANARY")));

        assertThat(hostile.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(hostile.message()).startsWith("word:");
        assertThat(dir.resolve("CANARY")).doesNotExist();
    }

    @Test
    void limitsRunsPerUserPerMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(run(ONCALL, "echo-word", Map.of("word", "w" + i)).outcome())
                    .isEqualTo(Outcome.COMPLETED);
        }
        DiagnosticReport fourth = run(ONCALL, "echo-word", Map.of("word", "w4"));

        assertThat(fourth.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(run(OTHER_ONCALL, "echo-word", Map.of("word", "w5")).outcome())
                .isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void runsAChangingCommandOnlyAfterTheSamePersonConfirms() {
        Path marker = dir.resolve("work/marker");
        DiagnosticReport asked = run(ONCALL, "touch-marker", Map.of("file", marker.toString()));
        assertThat(asked.outcome()).isEqualTo(Outcome.NEEDS_CONFIRMATION);
        assertThat(marker).doesNotExist();

        assertThat(service.confirm(OTHER_ONCALL, token(asked)).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(marker).doesNotExist();

        assertThat(service.confirm(ONCALL, token(asked)).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(marker).exists();
        assertThat(service.confirm(ONCALL, token(asked)).outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void writesAStartedAndAFinishedLinePerRunAndOneLinePerRefusal() throws IOException {
        run(ONCALL, "echo-word", Map.of("word", "hi"));
        run(STRANGER, "echo-word", Map.of("word", "hi"));
        run(ONCALL, "echo-word", Map.of("word", "$(id)"));

        List<JsonNode> lines = auditLines();
        assertThat(lines)
                .extracting(l -> l.get("decision").asText())
                .containsExactly("started", "allowed", "denied", "invalid");
        assertThat(lines.get(0).get("who").asText()).isEqualTo("slack:U1");
        assertThat(lines.get(0).get("exit_code").isNull()).isTrue();
        assertThat(lines.get(1).get("run_id").asText())
                .hasSize(16)
                .isEqualTo(lines.get(0).get("run_id").asText());
        assertThat(lines.get(1).get("who").asText()).isEqualTo("slack:U1");
        assertThat(lines.get(1).get("where").asText()).isEqualTo("C1");
        assertThat(lines.get(1).get("exit_code").asInt()).isZero();
        assertThat(lines.get(1).get("output_bytes").asInt()).isEqualTo(2);
        assertThat(lines.get(2).get("run_id").asText()).isEmpty();
    }

    @Test
    void runsOnARealAgentAndSaysClearlyWhenAnAgentIsDown() throws Exception {
        Path agentAllowlist = dir.resolve("allowlist.yaml");
        try (AgentProcess agent = AgentProcess.start(dir, agentAllowlist, dir.resolve("agent-audit.jsonl"), SECRET)) {
            Path registry = dir.resolve("agents.yaml");
            Files.writeString(registry, """
                    agents:
                      - {name: web-1, url: "%s", secret_env: AGENT_SECRET}
                      - {name: dead-1, url: "http://127.0.0.1:9", secret_env: AGENT_SECRET}
                    """.formatted(agent.url()));
            AgentGateway gateway = new AgentGateway(
                    AgentRegistry.load(registry),
                    name -> name.equals("AGENT_SECRET") ? Optional.of(SECRET) : Optional.empty());
            Diagnostics remote = DiagnosticsService.builder(allowlist)
                    .agents(gateway)
                    .audit(audit)
                    .build();

            DiagnosticReport ran = remote.run(ONCALL, new DiagnosticCall("web-1", "echo-word", Map.of("word", "pong")));
            DiagnosticReport down = remote.run(ONCALL, new DiagnosticCall("dead-1", "echo-word", Map.of("word", "x")));

            assertThat(ran.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(((DiagnosticReport.Ran) ran).stdout()).isEqualTo("pong");
            assertThat(down.outcome()).isEqualTo(Outcome.UNAVAILABLE);
            assertThat(down.message()).contains("dead-1").contains("not reachable");
            List<JsonNode> lines = auditLines();
            assertThat(lines)
                    .extracting(l -> l.get("agent").asText())
                    .containsExactly("web-1", "web-1", "dead-1", "dead-1");
            assertThat(lines)
                    .extracting(l -> l.get("decision").asText())
                    .containsExactly("started", "allowed", "started", "error");
            assertThat(lines.get(0).get("where").asText()).isEqualTo("C1");
        }
    }

    @Test
    void aConfirmedRunGoesToTheAgentItWasAskedFor() throws Exception {
        try (AgentProcess agent =
                AgentProcess.start(dir, dir.resolve("allowlist.yaml"), dir.resolve("agent-audit.jsonl"), SECRET)) {
            Path registry = dir.resolve("agents.yaml");
            Files.writeString(
                    registry,
                    "agents:\n  - {name: web-1, url: \"%s\", secret_env: AGENT_SECRET}\n".formatted(agent.url()));
            AgentGateway gateway = new AgentGateway(
                    AgentRegistry.load(registry),
                    name -> name.equals("AGENT_SECRET") ? Optional.of(SECRET) : Optional.empty());
            Diagnostics remote = DiagnosticsService.builder(allowlist)
                    .agents(gateway)
                    .audit(audit)
                    .build();
            Path marker = dir.resolve("work/remote-marker");

            DiagnosticReport asked =
                    remote.run(ONCALL, new DiagnosticCall("web-1", "touch-marker", Map.of("file", marker.toString())));
            DiagnosticReport confirmed = remote.confirm(ONCALL, token(asked));

            assertThat(confirmed.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(confirmed.agent()).isEqualTo("web-1");
            assertThat(marker).exists();
        }
    }

    /** The confirmation token of a report that must be a {@link DiagnosticReport.NeedsConfirmation}. */
    private static String token(DiagnosticReport report) {
        assertThat(report).isInstanceOf(DiagnosticReport.NeedsConfirmation.class);
        return ((DiagnosticReport.NeedsConfirmation) report).token();
    }

    private DiagnosticReport run(Caller caller, String id, Map<String, String> params) {
        return service.run(caller, new DiagnosticCall(Diagnostics.LOCAL, id, params));
    }

    private List<JsonNode> auditLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            out.add(json.readTree(line));
        }
        return out;
    }
}
