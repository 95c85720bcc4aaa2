package io.runbookbot.agent.server;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static io.runbookbot.agent.server.SignedHttp.send;
import static io.runbookbot.agent.server.SignedHttp.signed;
import static io.runbookbot.agent.server.SignedHttp.signer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.protocol.SignatureVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer in-process, behind a scripted executor: status codes, bodies and audit decisions. */
class AgentServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AuditLog audit;
    private AgentServer server;
    private URI url;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);

    /** echo runs, busy is busy, bad has bad params, boom throws, slow waits for {@link #release}. */
    private final CommandExecutor executor = new CommandExecutor() {
        @Override
        public List<CommandDescription> list() {
            return List.of(new CommandDescription("echo", "prints ok", List.of(), true, 5));
        }

        @Override
        public RunOutcome run(RunRequest r, Runnable beforeStart) {
            if (List.of("echo", "boom", "slow").contains(r.id())) {
                beforeStart.run();
            }
            switch (r.id()) {
                case "echo":
                    return new RunOutcome.Completed(new RunResult(0, "ok\n", "", false, false, 7, false));
                case "busy":
                    return new RunOutcome.Busy("busy: 4 commands are already running");
                case "bad":
                    return new RunOutcome.InvalidParams("port: must be an integer from 1 to 65535");
                case "boom":
                    throw new IllegalStateException("stack detail /etc/agent/internal");
                case "slow":
                    slowStarted.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new RunOutcome.Completed(new RunResult(0, "", "", false, false, 1, false));
                default:
                    return new RunOutcome.UnknownCommand("unknown command \"" + r.id() + "\"");
            }
        }
    };

    @BeforeEach
    void start() throws Exception {
        audit = AuditLog.open(dir.resolve("audit.jsonl"));
        AgentSettings settings = new AgentSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "unit",
                2,
                Duration.ofSeconds(5),
                16 * 1024,
                Duration.ofSeconds(5));
        server = AgentServer.start(settings, executor, new SignatureVerifier(SharedSecret.ofText(SECRET, "t")), audit);
        url = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.close();
        audit.close();
    }

    private HttpResponse<String> run(String id) throws Exception {
        return signed(url, "POST", "/v1/run", runBody(id, "{\"port\":\"80\"}", "ann"));
    }

    private JsonNode lastAudit() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private int auditCount() throws Exception {
        return Files.readAllLines(dir.resolve("audit.jsonl")).size();
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").asText();
    }

    @Test
    void healthTellsOnlyStatusAndCommandCount() throws Exception {
        HttpResponse<String> r = send(url, "GET", "/v1/health", "", java.util.Map.of(), "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"commands\":1}");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void runsACommandAndAuditsItAsAllowed() throws Exception {
        HttpResponse<String> r = run("echo");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("stdout").asText()).isEqualTo("ok\n");
        JsonNode line = lastAudit();
        assertThat(line.get("decision").asText()).isEqualTo("allowed");
        assertThat(line.get("who").asText()).isEqualTo("ann");
        assertThat(line.get("params").get("port").asText()).isEqualTo("80");
        assertThat(line.get("duration_ms").asLong()).isEqualTo(7);
        assertThat(line.get("output_bytes").asLong()).isEqualTo(3);
    }

    @Test
    void unknownCommandIs404AndDenied() throws Exception {
        HttpResponse<String> r = run("rm-rf");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r)).isEqualTo("unknown_command");
        assertThat(lastAudit().get("decision").asText()).isEqualTo("denied");
    }

    @Test
    void invalidParamsAre400WithTheValidatorsReason() throws Exception {
        HttpResponse<String> r = run("bad");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("reason").asText())
                .isEqualTo("port: must be an integer from 1 to 65535");
        assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
    }

    @Test
    void fullRunnerIs429AndBusy() throws Exception {
        HttpResponse<String> r = run("busy");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(error(r)).isEqualTo("busy");
        assertThat(lastAudit().get("decision").asText()).isEqualTo("busy");
    }

    @Test
    void internalFailureIs500WithAnIncidentIdAndNoExceptionText() throws Exception {
        HttpResponse<String> r = run("boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(error(r)).isEqualTo("internal");
        assertThat(r.body())
                .matches(".*incident [0-9a-f]{12}.*")
                .doesNotContain("/etc/agent")
                .doesNotContain("Exception");
        String incident = r.body().replaceAll(".*incident ([0-9a-f]{12}).*", "$1");
        JsonNode line = lastAudit();
        assertThat(line.get("decision").asText()).isEqualTo("error");
        assertThat(line.get("reason").asText()).contains(incident);
    }

    @Test
    void oversizedBodyIs413BeforeItsSignatureIsChecked() throws Exception {
        String body = runBody("echo", "{\"x\":\"" + "a".repeat(17 * 1024) + "\"}", "ann");
        HttpResponse<String> r = send(
                url, "POST", "/v1/run", body, signer(SECRET).sign("POST", "/v1/run", new byte[0]), "application/json");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        String body = runBody("echo", "{}", "ann");
        HttpResponse<String> r = send(
                url,
                "POST",
                "/v1/run",
                body,
                signer(SECRET).sign("POST", "/v1/run", body.getBytes(StandardCharsets.UTF_8)),
                "text/plain");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
    }

    @Test
    void malformedJsonIs400BadRequest() throws Exception {
        HttpResponse<String> r = signed(url, "POST", "/v1/run", "{\"id\":\"echo\",\"argv\":[\"/bin/sh\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r)).isEqualTo("bad_request");
        assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> get = signed(url, "GET", "/v1/run", "");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(signed(url, "GET", "/v1/exec", "").statusCode()).isEqualTo(404);
        assertThat(signed(url, "GET", "/v1/runx", "").statusCode()).isEqualTo(404);
    }

    @Test
    void writesOneAuditLinePerRefusalAndAStartedAndAFinishedLinePerRun() throws Exception {
        for (String id : List.of("rm-rf", "bad", "busy")) {
            int before = auditCount();
            run(id);
            assertThat(auditCount()).as(id).isEqualTo(before + 1);
        }
        for (String id : List.of("echo", "boom")) {
            int before = auditCount();
            run(id);
            List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
            assertThat(lines).as(id).hasSize(before + 2);
            JsonNode started = JSON.readTree(lines.get(before));
            JsonNode finished = JSON.readTree(lines.get(before + 1));
            assertThat(started.get("decision").asText()).as(id).isEqualTo("started");
            assertThat(finished.get("decision").asText()).as(id).isEqualTo(id.equals("echo") ? "allowed" : "error");
            assertThat(finished.get("run_id").asText())
                    .as(id)
                    .hasSize(16)
                    .isEqualTo(started.get("run_id").asText());
        }
    }

    @Test
    void shutdownWaitsForRequestsInFlight() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return run("slow");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        Thread.sleep(200); // the behaviour under test: close is still waiting 200 ms later
        assertThat(closing).as("close waits for the run").isNotDone();
        release.countDown();
        closing.get(5, TimeUnit.SECONDS);
        assertThat(slow.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
}
