package io.runbookbot.agent.server;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static io.runbookbot.agent.server.SignedHttp.send;
import static io.runbookbot.agent.server.SignedHttp.signer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.protocol.AuthHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every authentication failure against a real agent process: 401, counted in /v1/metrics, audit
 * lines saying "unauthorized" (rate-limited: at most a few per kind per minute), and nothing run (the canary file never appears). Then one correctly signed
 * request creates the canary, proving the canary would have caught a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentAuthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "/v1/run";

    @TempDir
    static Path dir;

    static Path canary;
    static Path audit;
    static AgentProcess agent;

    private record Attempt(String name, String method, String target, String body, Map<String, String> headers) {}

    @BeforeAll
    static void startAgent() throws Exception {
        canary = dir.resolve("CANARY");
        audit = dir.resolve("audit.jsonl");
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: touch-canary
                    description: creates the canary file
                    argv: [/usr/bin/touch, "%s"]
                    read_only: true
                """.formatted(canary));
        agent = AgentProcess.start(dir, allowlist, audit, SECRET);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
    }

    private static List<Attempt> attacks() {
        String body = runBody("touch-canary", "{}", "mallory");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        Map<String, String> good = signer(SECRET).sign("POST", RUN, bytes);
        Map<String, String> replayed = signer(SECRET).sign("POST", RUN, bytes);
        Map<String, String> noNonce = new HashMap<>(signer(SECRET).sign("POST", RUN, bytes));
        noNonce.remove(AuthHeaders.NONCE);
        Map<String, String> badHex = new HashMap<>(signer(SECRET).sign("POST", RUN, bytes));
        badHex.put(AuthHeaders.SIGNATURE, "v1=" + "0".repeat(64));
        return List.of(
                new Attempt("unsigned", "POST", RUN, body, Map.of()),
                new Attempt(
                        "wrong secret",
                        "POST",
                        RUN,
                        body,
                        signer("another-secret-of-32-bytes-or-more!!").sign("POST", RUN, bytes)),
                new Attempt(
                        "stale timestamp (-10 min)",
                        "POST",
                        RUN,
                        body,
                        signer(SECRET).sign("POST", RUN, bytes, now - 600, "0123456789abcdef0123456789abcdef")),
                new Attempt(
                        "future timestamp (+10 min)",
                        "POST",
                        RUN,
                        body,
                        signer(SECRET).sign("POST", RUN, bytes, now + 600, "1123456789abcdef0123456789abcdef")),
                new Attempt("tampered body", "POST", RUN, runBody("touch-canary", "{}", "alice"), good),
                new Attempt(
                        "tampered path (signed for /v1/commands)",
                        "POST",
                        RUN,
                        body,
                        signer(SECRET).sign("POST", "/v1/commands", bytes)),
                new Attempt(
                        "tampered query (signed without it)",
                        "POST",
                        RUN + "?debug=1",
                        body,
                        signer(SECRET).sign("POST", RUN, bytes)),
                new Attempt(
                        "tampered method (signed as PUT)",
                        "POST",
                        RUN,
                        body,
                        signer(SECRET).sign("PUT", RUN, bytes)),
                new Attempt("missing nonce", "POST", RUN, body, noNonce),
                new Attempt("zero signature", "POST", RUN, body, badHex),
                new Attempt("replay, first use of a nonce made for the replay", "POST", RUN, body, replayed));
    }

    @Test
    @Order(1)
    void everyAuthenticationFailureGets401IsCountedAndRunsNothing() throws Exception {
        List<Attempt> attempts = attacks();
        long countedBefore = refusalsCounted();
        int linesBefore = auditLines().size();
        // the last attempt is the valid original of the replay: send it last and alone, after the table
        for (Attempt a : attempts.subList(0, attempts.size() - 1)) {
            int before = auditLines().size();
            HttpResponse<String> r =
                    send(agent.url(), a.method(), a.target(), a.body(), a.headers(), "application/json");
            assertThat(r.statusCode()).as(a.name() + ": " + r.body()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).get("error").asText())
                    .as(a.name())
                    .isEqualTo("unauthorized");
            assertThat(auditLines().size())
                    .as(a.name() + ": at most one line (refusal lines are rate-limited)")
                    .isBetween(before, before + 1);
        }
        List<JsonNode> lines = auditLines();
        assertThat(lines.size())
                .as("the first refusals of each kind get a line")
                .isGreaterThan(linesBefore);
        for (JsonNode line : lines.subList(linesBefore, lines.size())) {
            assertThat(line.get("decision").asText()).isEqualTo("unauthorized");
            assertThat(line.get("who").asText()).isEqualTo("(unauthenticated)");
        }
        assertThat(refusalsCounted() - countedBefore)
                .as("every refusal is counted")
                .isEqualTo(attempts.size() - 1);
        assertThat(canary).as("canary after the attack table").doesNotExist();
    }

    private static long refusalsCounted() throws Exception {
        HttpResponse<String> r = send(agent.url(), "GET", "/v1/metrics", "", Map.of(), "");
        return JSON.readTree(r.body()).get("refusals_total").asLong();
    }

    @Test
    @Order(2)
    void aReplayedRequestIsRefusedTheSecondTime() throws Exception {
        Files.deleteIfExists(canary);
        String body = runBody("touch-canary", "{}", "alice");
        Map<String, String> h = signer(SECRET).sign("POST", RUN, body.getBytes(StandardCharsets.UTF_8));
        assertThat(send(agent.url(), "POST", RUN, body, h, "application/json").statusCode())
                .isEqualTo(200);
        assertThat(canary).as("the first, valid use runs").exists();
        Files.delete(canary);
        HttpResponse<String> second = send(agent.url(), "POST", RUN, body, h, "application/json");
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.body()).contains("replayed");
        assertThat(canary).as("the replay runs nothing").doesNotExist();
        assertThat(last().get("decision").asText()).isEqualTo("unauthorized");
    }

    @Test
    @Order(3)
    void aCorrectlySignedRequestCreatesTheCanary() throws Exception {
        Files.deleteIfExists(canary);
        HttpResponse<String> r = SignedHttp.signed(agent.url(), "POST", RUN, runBody("touch-canary", "{}", "alice"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("exitCode").asInt()).isZero();
        assertThat(canary).exists();
        JsonNode line = last();
        assertThat(line.get("decision").asText()).isEqualTo("allowed");
        assertThat(line.get("who").asText()).isEqualTo("alice");
        assertThat(line.get("command").asText()).isEqualTo("touch-canary");
        assertThat(line.get("exit_code").asInt()).isZero();
        assertThat(line.get("agent").asText()).isEqualTo("test-agent");
        assertThat(line.get("peer").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(4)
    void listingNeedsASignatureButHealthDoesNot() throws Exception {
        assertThat(send(agent.url(), "GET", "/v1/commands", "", Map.of(), "").statusCode())
                .isEqualTo(401);
        HttpResponse<String> list = SignedHttp.signed(agent.url(), "GET", "/v1/commands", "");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get(0).get("id").asText()).isEqualTo("touch-canary");
        HttpResponse<String> health = send(agent.url(), "GET", "/v1/health", "", Map.of(), "");
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"commands\":1}");
    }

    @Test
    @Order(5)
    void theAuditLogHoldsNoSignatureOrSecret() throws Exception {
        String log = Files.readString(audit);
        assertThat(log).doesNotContain(SECRET).doesNotContain("v1=");
        assertThat(agent.stderr()).doesNotContain(SECRET);
    }

    private static List<JsonNode> auditLines() throws Exception {
        if (!Files.exists(audit)) {
            return List.of();
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static JsonNode last() throws Exception {
        List<JsonNode> lines = auditLines();
        return lines.get(lines.size() - 1);
    }
}
