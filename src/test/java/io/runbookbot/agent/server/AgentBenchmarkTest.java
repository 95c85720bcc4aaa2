package io.runbookbot.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.protocol.RequestSigner;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.diagnostics.AgentClient;
import io.runbookbot.diagnostics.AgentEntry;
import io.runbookbot.diagnostics.AgentSecretRef;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent round trip and concurrency figures against a real agent process on 127.0.0.1. Prints
 * numbers; asserts only that no request is lost. Skipped unless asked for:
 * <pre>
 * mvn test -Dtest=AgentBenchmarkTest -Drunbookbot.benchmark=true
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class AgentBenchmarkTest {
    private static final int WARM_UP = 100;
    private static final int SEQUENTIAL = 200;
    private static final int CONCURRENT = 50;

    @TempDir
    Path dir;

    private Path allowlist() throws Exception {
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, """
                version: 1
                commands:
                  - id: noop
                    description: does nothing
                    argv: [/bin/true]
                    read_only: true
                  - id: sleep-half
                    description: sleeps half a second
                    argv: [/bin/sleep, "0.5"]
                    read_only: true
                """);
        return file;
    }

    @Test
    void roundTripAndConcurrency() throws Exception {
        Path allowlist = allowlist();
        try (AgentProcess agent = AgentProcess.start(
                dir, allowlist, dir.resolve("a.jsonl"), SignedHttp.SECRET, "--max-concurrent", "4")) {
            sequential(agent);
            concurrent(agent, "noop", "/bin/true, --max-concurrent 4, queue wait 1000 ms (default)");
            concurrent(agent, "sleep-half", "sleep 0.5, --max-concurrent 4, queue wait 1000 ms (default)");
        }
        try (AgentProcess agent = AgentProcess.start(
                dir,
                allowlist,
                dir.resolve("b.jsonl"),
                SignedHttp.SECRET,
                "--max-concurrent",
                "4",
                "--queue-wait-ms",
                "0")) {
            concurrent(agent, "noop", "/bin/true, --max-concurrent 4, queue wait 0 ms");
        }
    }

    private void sequential(AgentProcess agent) {
        AgentClient client = new AgentClient(
                new AgentEntry("bench", agent.url(), new AgentSecretRef.EnvVar("X")),
                SharedSecret.ofText(SignedHttp.SECRET, "bench"));
        RunRequest request = new RunRequest("noop", Map.of(), "bench");
        Runnable run =
                () -> assertThat(client.run(request, Duration.ofSeconds(10)).exitCode())
                        .isZero();
        Runnable health = () -> client.health();
        time("health (unsigned GET, no command)", health);
        time("run /bin/true (signed POST, spawn, audit fsync)", run);
    }

    private static void time(String what, Runnable call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long[] nanos = new long[SEQUENTIAL];
        for (int i = 0; i < SEQUENTIAL; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "agent round trip, %s: %d sequential after %d warm-up: p50 %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms%n",
                what,
                SEQUENTIAL,
                WARM_UP,
                pct(nanos, 50),
                pct(nanos, 90),
                pct(nanos, 99),
                nanos[nanos.length - 1] / 1e6);
    }

    private void concurrent(AgentProcess agent, String id, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        RequestSigner signer = SignedHttp.signer(SignedHttp.SECRET);
        byte[] body = SignedHttp.runBody(id, "{}", "bench").getBytes(StandardCharsets.UTF_8);
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENT; i++) {
            Supplier<Integer> call = () -> {
                try {
                    gate.await();
                    HttpRequest.Builder b = HttpRequest.newBuilder(agent.url("/v1/run"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    signer.sign("POST", "/v1/run", body).forEach(b::header);
                    return http.send(b.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (Exception e) {
                    return -1;
                }
            };
            calls.add(CompletableFuture.supplyAsync(call, r -> new Thread(r).start()));
        }
        gate.countDown();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (CompletableFuture<Integer> c : calls) {
            byStatus.merge(c.get(), 1, Integer::sum);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "%d concurrent requests, %s: %s (status -> count; -1 = no response) in %d ms%n",
                CONCURRENT, label, byStatus, millis);
        assertThat(byStatus.getOrDefault(-1, 0))
                .as("requests without a response")
                .isZero();
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CONCURRENT);
        assertThat(byStatus.keySet()).isSubsetOf(200, 429);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
