package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 200 slash commands in parallel through HTTP mode (50 client threads): every one must be acked
 * (HTTP 200) and answered (one response_url post each). Prints ack and answer latencies; no timed
 * assertions. Run with {@code -Drunbookbot.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class SlackLoadBenchmarkTest {
    private static final int REQUESTS = 200;
    private static final int CLIENTS = 50;
    private static final List<String> QUESTIONS = List.of(
            "FATAL: sorry, too many clients already",
            "uvicorn won't start: [Errno 98] Address already in use on port 8000",
            "disk full no space left on device",
            "429 Too Many Requests from the API",
            "frontend gets 401 Unauthorized");

    @Test
    void twoHundredParallelSlashCommandsAreAllAckedAndAnswered() throws Exception {
        try (SlackHarness h = SlackHarness.http(List.of())) {
            SlackPayloads payloads = h.payloads;
            warmUp(h, payloads);
            Map<String, Long> answeredAt = new ConcurrentHashMap<>();
            List<SlackPayload> commands = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                commands.add(payloads.slashCommand("/runbook", QUESTIONS.get(i % QUESTIONS.size())));
            }
            Set<String> routes =
                    commands.stream().map(c -> "response/" + c.responseId()).collect(Collectors.toSet());
            Thread watcher = new Thread(() -> watch(h, answeredAt, routes), "response-watcher");
            watcher.setDaemon(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Future<long[]>> acks = new ArrayList<>();
            watcher.start();
            long wallStart = System.nanoTime();
            for (SlackPayload command : commands) {
                acks.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    sentAt.put("response/" + command.responseId(), start);
                    HttpResponse<String> ack = h.post(command);
                    return new long[] {ack.statusCode(), System.nanoTime() - start};
                }));
            }
            List<Long> ackNanos = new ArrayList<>();
            for (Future<long[]> ack : acks) {
                long[] result = ack.get(60, TimeUnit.SECONDS);
                assertThat(result[0]).isEqualTo(200);
                ackNanos.add(result[1]);
            }
            List<RecordedRequest> answers = h.slack
                    .calls()
                    .awaitCount(
                            r -> r.route().startsWith("response/") && sentAt.containsKey(r.route()),
                            REQUESTS,
                            Duration.ofSeconds(60));
            long wallNanos = System.nanoTime() - wallStart;
            watcher.join(10_000);
            clients.shutdown();
            assertThat(answers).hasSize(REQUESTS);
            assertThat(answeredAt).hasSize(REQUESTS);
            List<Long> answerNanos = new ArrayList<>();
            answeredAt.forEach((route, at) -> answerNanos.add(at - sentAt.get(route)));
            System.out.printf(
                    "SLACK HTTP BENCHMARK %d slash commands, %d clients, wall %.0f ms%n",
                    REQUESTS, CLIENTS, wallNanos / 1e6);
            System.out.printf(
                    "  ack    p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    p(ackNanos, 50), p(ackNanos, 99), p(ackNanos, 100));
            System.out.printf(
                    "  answer p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    p(answerNanos, 50), p(answerNanos, 99), p(answerNanos, 100));
        }
    }

    /** Notes when each response_url post is first seen (the call log wakes it on every call). */
    private static void watch(SlackHarness h, Map<String, Long> answeredAt, Set<String> routes) {
        for (int seen = 0; seen < REQUESTS; ) {
            List<RecordedRequest> now =
                    h.slack.calls().awaitCount(r -> routes.contains(r.route()), seen + 1, Duration.ofSeconds(60));
            long at = System.nanoTime();
            now.forEach(r -> answeredAt.putIfAbsent(r.route(), at));
            seen = now.size();
        }
    }

    private static void warmUp(SlackHarness h, SlackPayloads payloads) throws Exception {
        for (String q : QUESTIONS) {
            SlackPayload command = payloads.slashCommand("/runbook", q);
            h.post(command);
            h.slack.awaitResponse(command.responseId(), Duration.ofSeconds(10));
        }
    }

    private static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }
}
