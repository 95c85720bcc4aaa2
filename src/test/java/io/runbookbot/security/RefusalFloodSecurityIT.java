package io.runbookbot.security;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 6 of issue 9, performed for real: 8,000 unsigned 15 KB run requests against an agent
 * process (they used to add 126 MB to its audit log) must add at most a few KB, every refusal must
 * be counted in {@code /v1/metrics}, and a signed run sent during the flood must still be answered.
 */
class RefusalFloodSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 8_000;
    private static final int IN_FLIGHT = 32;

    @TempDir
    Path dir;

    @Test
    void eightThousandUnsignedFifteenKbRequestsAddAtMostAFewKbOfAuditAndAreAllCounted() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: echo-ok
                    description: prints ok
                    argv: [/usr/bin/printf, "ok"]
                    read_only: true
                """);
        Path audit = dir.resolve("audit.jsonl");
        try (AgentProcess agent = AgentProcess.start(dir, allowlist, audit, SECRET)) {
            long auditBefore = Files.exists(audit) ? Files.size(audit) : 0;
            String hostile = runBody("echo-ok", "{\"x\":\"" + "A".repeat(15 * 1024 - 60) + "\"}", "mallory");
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            Semaphore slots = new Semaphore(IN_FLIGHT);
            long floodStart = System.nanoTime();
            long signedMillis = -1;
            int signedStatus = -1;
            for (int i = 0; i < REQUESTS; i++) {
                slots.acquire();
                HttpRequest request = HttpRequest.newBuilder(agent.url("/v1/run"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(hostile))
                        .build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            statuses.computeIfAbsent(r == null ? -1 : r.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            slots.release();
                        });
                if (i == REQUESTS / 2) {
                    long t0 = System.nanoTime();
                    CompletableFuture<HttpResponse<String>> signed = CompletableFuture.supplyAsync(() -> {
                        try {
                            return SignedHttp.signed(agent.url(), "POST", "/v1/run", runBody("echo-ok", "{}", "alice"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    signedStatus = signed.get().statusCode();
                    signedMillis = (System.nanoTime() - t0) / 1_000_000;
                }
            }
            slots.acquire(IN_FLIGHT);
            long floodMillis = (System.nanoTime() - floodStart) / 1_000_000;
            long added = Files.size(audit) - auditBefore;
            JsonNode metrics = JSON.readTree(SignedHttp.send(agent.url(), "GET", "/v1/metrics", "", Map.of(), "")
                    .body());
            System.out.printf(
                    "[figures] unauthenticated flood: %d requests of %d bytes in %d ms, statuses %s;"
                            + " audit grew by %d bytes; signed run during the flood: HTTP %d in %d ms; metrics %s%n",
                    REQUESTS, hostile.length(), floodMillis, statuses, added, signedStatus, signedMillis, metrics);

            assertThat(statuses.getOrDefault(401, new AtomicInteger()).get())
                    .as("statuses " + statuses)
                    .isEqualTo(REQUESTS);
            assertThat(added)
                    .as("audit bytes added by the flood (and one signed run)")
                    .isLessThan(4 * 1024);
            assertThat(metrics.get("refusals").get("missing_headers").asLong()).isEqualTo(REQUESTS);
            assertThat(metrics.get("refusal_lines_suppressed").asLong()).isGreaterThan(REQUESTS - 10);
            assertThat(signedStatus)
                    .as("a signed run during the flood is answered")
                    .isEqualTo(200);
            assertThat(signedMillis).as("ms for a signed run during the flood").isLessThan(10_000);
        }
    }
}
