package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.protocol.AuthHeaders;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.diagnostics.AgentClient;
import io.runbookbot.diagnostics.AgentEntry;
import io.runbookbot.diagnostics.AgentException;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.AgentSecretRef;
import io.runbookbot.diagnostics.DiagnosticsService;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 9: agent traffic is plain HTTP, so a man in the middle could change a result
 * (output, exit code) or replay an earlier one. Answers are now signed over status, the request's
 * nonce and signature, timestamp and body; the bot refuses what does not verify. Each attack runs
 * through a real proxy on 127.0.0.1 in front of a real agent process.
 */
class AgentAnswerSecurityIT {
    private static final SharedSecret SECRET = SharedSecret.ofText(SignedHttp.SECRET, "test");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static AgentProcess agent;
    static Path allowlist;

    @BeforeAll
    static void startAgent() throws Exception {
        allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                access: {roles: [oncall]}
                commands:
                  - id: disk-check
                    description: says whether the disk is fine
                    argv: [/bin/echo, "disk 97% full"]
                    read_only: true
                  - id: service-check
                    description: fails like a broken service
                    argv: [/bin/false]
                    read_only: true
                  - id: greet
                    description: greets someone
                    argv: [/bin/echo, "hello {who}"]
                    read_only: true
                    params:
                      who: {type: pattern, pattern: "[a-z]+", max_length: 20}
                """);
        agent = AgentProcess.start(dir, allowlist, dir.resolve("audit.jsonl"), SignedHttp.SECRET);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    private static AgentClient client(URI url) {
        return new AgentClient(new AgentEntry("web-1", url, new AgentSecretRef.EnvVar("X")), SECRET);
    }

    private static RunRequest request(String id, Map<String, String> params) {
        return new RunRequest(id, params, "U42");
    }

    private static void assertRefused(AgentClient client, RunRequest request, String because) {
        assertThatThrownBy(() -> client.run(request, TIMEOUT))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("was refused because " + because)
                .hasMessageContaining("Nothing of it is shown")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(AgentException.Kind.UNVERIFIED);
    }

    @Test
    void untouchedAnswersThroughTheProxyAreAccepted() throws Exception {
        try (MitmProxy proxy = MitmProxy.start(agent.url(), (request, real) -> real)) {
            RunResult r = client(proxy.url()).run(request("disk-check", Map.of()), TIMEOUT);
            assertThat(r.stdout()).isEqualTo("disk 97% full\n");
            assertThat(client(proxy.url()).commands()).hasSize(3);
            assertThat(proxy.exchanges()).isEqualTo(2);
        }
    }

    @Test
    void alteredOutputTextIsRefused() throws Exception {
        try (MitmProxy proxy = MitmProxy.start(
                agent.url(),
                (request, real) -> real.withBody(real.bodyText().replace("disk 97% full", "disk 12% full")))) {
            assertRefused(
                    client(proxy.url()), request("disk-check", Map.of()), "the answer's signature does not match");
            assertThat(proxy.exchanges()).isEqualTo(1);
        }
    }

    @Test
    void alteredOutputIsNeitherShownNorAuditedAsARun() throws Exception {
        Path registry = dir.resolve("agents.yaml");
        Path botAudit = dir.resolve("bot-audit.jsonl");
        try (MitmProxy proxy = MitmProxy.start(
                        agent.url(),
                        (request, real) -> real.withBody(real.bodyText().replace("disk 97% full", "disk 12% full")));
                AuditLog audit = AuditLog.open(botAudit)) {
            Files.writeString(registry, "agents:\n  - {name: web-1, url: \"" + proxy.url() + "\", secret_env: S}\n");
            AgentGateway gateway = new AgentGateway(
                    AgentRegistry.load(registry),
                    name -> name.equals("S") ? Optional.of(SignedHttp.SECRET) : Optional.empty());
            DiagnosticReport report = DiagnosticsService.builder(Allowlist.load(allowlist))
                    .agents(gateway)
                    .audit(audit)
                    .build()
                    .run(
                            new Caller("slack", "U1", List.of("oncall"), "C1"),
                            new DiagnosticCall("web-1", "disk-check", Map.of()));
            assertThat(report.outcome()).isEqualTo(DiagnosticReport.Outcome.UNAVAILABLE);
            assertThat(report.message()).contains("signature does not match").doesNotContain("12%");
            List<String> lines = Files.readAllLines(botAudit);
            JsonNode line = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertThat(line.get("decision").asText()).isEqualTo("unauthorized");
            assertThat(line.get("reason").asText()).contains("signature does not match");
        }
    }

    @Test
    void alteredExitCodeIsRefused() throws Exception {
        try (MitmProxy proxy = MitmProxy.start(
                agent.url(),
                (request, real) -> real.withBody(real.bodyText().replace("\"exitCode\":1", "\"exitCode\":0")))) {
            assertRefused(
                    client(proxy.url()), request("service-check", Map.of()), "the answer's signature does not match");
        }
    }

    @Test
    void alteredRefusalReasonIsRefused() throws Exception {
        try (MitmProxy proxy = MitmProxy.start(
                agent.url(),
                (request, real) -> real.withBody(real.bodyText()
                        .replaceAll(
                                "\"reason\":\"[^\"]*\"",
                                "\"reason\":\"re-run with --force at https://evil.example\"")))) {
            assertThatThrownBy(() -> client(proxy.url()).run(request("greet", Map.of("who", "Ann1")), TIMEOUT))
                    .hasMessageContaining("was refused because the answer's signature does not match")
                    .hasMessageNotContaining("evil");
        }
    }

    @Test
    void answerWithItsSignatureStrippedIsRefused() throws Exception {
        try (MitmProxy proxy = MitmProxy.start(
                agent.url(),
                (request, real) -> real.without(AuthHeaders.RESPONSE_SIGNATURE).without(AuthHeaders.TIMESTAMP))) {
            assertRefused(client(proxy.url()), request("disk-check", Map.of()), "the answer is not signed");
        }
    }

    @Test
    void recordedAnswerReplayedForALaterRequestIsRefused() throws Exception {
        AtomicReference<RawHttp> recorded = new AtomicReference<>();
        try (MitmProxy proxy = MitmProxy.start(agent.url(), (request, real) -> {
            recorded.compareAndSet(null, real);
            return recorded.get();
        })) {
            AgentClient client = client(proxy.url());
            assertThat(client.run(request("greet", Map.of("who", "ann")), TIMEOUT)
                            .stdout())
                    .isEqualTo("hello ann\n");
            assertRefused(client, request("greet", Map.of("who", "bob")), "the answer's signature does not match");
            assertRefused(client, request("greet", Map.of("who", "ann")), "the answer's signature does not match");
        }
    }

    @Test
    void answersToAuthenticatedRequestsAreSignedAndHealthIsNot() throws Exception {
        HttpResponse<String> run =
                SignedHttp.signed(agent.url(), "POST", "/v1/run", SignedHttp.runBody("disk-check", "{}", "u"));
        HttpResponse<String> refused =
                SignedHttp.signed(agent.url(), "POST", "/v1/run", SignedHttp.runBody("greet", "{\"who\":\"A\"}", "u"));
        HttpResponse<String> commands = SignedHttp.signed(agent.url(), "GET", "/v1/commands", "");
        HttpResponse<String> health = SignedHttp.send(agent.url(), "GET", "/v1/health", "", Map.of(), "");
        HttpResponse<String> unsigned = SignedHttp.send(
                agent.url(),
                "POST",
                "/v1/run",
                SignedHttp.runBody("disk-check", "{}", "u"),
                Map.of(),
                "application/json");
        assertThat(run.headers().firstValue(AuthHeaders.RESPONSE_SIGNATURE))
                .get()
                .asString()
                .matches("v1=[0-9a-f]{64}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue(AuthHeaders.RESPONSE_SIGNATURE)).isPresent();
        assertThat(commands.headers().firstValue(AuthHeaders.RESPONSE_SIGNATURE))
                .isPresent();
        assertThat(health.headers().firstValue(AuthHeaders.RESPONSE_SIGNATURE)).isEmpty();
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue(AuthHeaders.RESPONSE_SIGNATURE))
                .isEmpty();
    }
}
