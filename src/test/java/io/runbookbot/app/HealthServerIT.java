package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.http.HttpListener;
import io.runbookbot.search.IndexStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes and the exposition text, without a process. */
class HealthServerIT {
    private static final IndexStatus LOADED =
            new IndexStatus(Instant.parse("2026-11-22T07:00:00Z"), 5, 200, 1, 3, 1, Optional.of("gone"));

    private final Metrics metrics = new Metrics(() -> LOADED);

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyzIs503WithJsonReasonsUntilEverythingIsReady() throws Exception {
        AtomicReference<List<String>> reasons = new AtomicReference<>(List.of("slack: not connected"));
        try (HealthServer server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), reasons::get, metrics)) {
            HttpResponse<String> notReady = get(server.port(), "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper()
                            .readTree(notReady.body())
                            .path("reasons")
                            .get(0)
                            .asText())
                    .isEqualTo("slack: not connected");

            reasons.set(List.of("slack: host \"x\"\nunknown\u0007"));
            assertThat(new ObjectMapper()
                            .readTree(get(server.port(), "/readyz").body())
                            .path("reasons")
                            .get(0)
                            .asText())
                    .isEqualTo("slack: host \"x\"\nunknown\u0007");

            reasons.set(List.of());
            HttpResponse<String> ready = get(server.port(), "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"ready\":true}\n");
            assertThat(get(server.port(), "/healthz").body()).isEqualTo("ok\n");
        }
    }

    @Test
    void headHasNoBodyOtherMethodsGet405UnknownPaths404AndTheListenerIsInTheMetrics() throws Exception {
        try (HealthServer server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), List::of, metrics)) {
            metrics.listener("health", () -> Optional.of(server.stats()));
            URI healthz = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
            HttpResponse<String> head = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(healthz)
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(healthz)
                                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
            assertThat(get(server.port(), "/healthz/extra").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/metrics").body())
                    .contains(
                            "runbookbot_http_connections_refused_total{listener=\"health\"} 0.0\n",
                            "runbookbot_http_timeouts_total{listener=\"health\",part=\"head\"} 0.0\n");
        }
    }

    @Test
    void meteredSearchCountsAnswersAbstentionsAndLatency() {
        MeteredSearch search =
                new MeteredSearch((q, n) -> new Answer(q, q.startsWith("disk"), List.of(), Confidence.MEDIUM), metrics);

        search.ask("disk full", 5);
        search.ask("lunch?", 5);
        metrics.diagnosticsRun(DiagnosticReport.Outcome.DENIED);

        assertThat(metrics.scrape())
                .contains(
                        "runbookbot_questions_total 2.0\n",
                        "runbookbot_answers_total 1.0\n",
                        "runbookbot_abstentions_total 1.0\n",
                        "runbookbot_diagnostics_runs_total{outcome=\"denied\"} 1.0\n",
                        "runbookbot_answer_seconds_count 2\n",
                        "runbookbot_answer_seconds_bucket{le=\"+Inf\"} 2\n",
                        "runbookbot_reloads_total{result=\"success\"} 3.0\n",
                        "runbookbot_reloads_total{result=\"failure\"} 1.0\n",
                        "runbookbot_sections 200.0\n",
                        "# TYPE runbookbot_answer_seconds histogram\n");
    }

    @Test
    void feedbackIsAppendedAsJsonLinesAndCounted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/feedback.jsonl");
        try (JsonLinesFeedback feedback = JsonLinesFeedback.open(file, metrics)) {
            feedback.record(
                    new Caller("slack", "U1", List.of(), "C1"),
                    new BotRequest.Feedback("disk full", "disk.md:3", true));
            feedback.record(
                    new Caller("discord", "42", List.of(), "7"),
                    new BotRequest.Feedback("port in use", "ports.md:9", false));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("helpful").asBoolean())
                .isTrue();
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("platform").asText())
                .isEqualTo("discord");
        assertThat(metrics.scrape())
                .contains(
                        "runbookbot_feedback_total{helpful=\"true\"} 1.0\n",
                        "runbookbot_feedback_total{helpful=\"false\"} 1.0\n");
    }

    @Test
    void answerLatencyLandsInTheSameBucketsAsBefore() {
        metrics.answerSeconds(0.03);
        metrics.answerSeconds(3);

        assertThat(metrics.scrape())
                .contains(
                        "runbookbot_answer_seconds_bucket{le=\"0.025\"} 0\n",
                        "runbookbot_answer_seconds_bucket{le=\"0.05\"} 1\n",
                        "runbookbot_answer_seconds_bucket{le=\"2.5\"} 1\n",
                        "runbookbot_answer_seconds_bucket{le=\"5.0\"} 2\n",
                        "runbookbot_answer_seconds_sum 3.03\n");
    }

    @Test
    void indexGaugesSurviveGarbageCollectionOfTheStatusSupplier() {
        IndexStatus[] status = {LOADED};
        try (Metrics held = new Metrics(() -> status[0])) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            assertThat(held.scrape())
                    .contains(
                            "runbookbot_sections 200.0\n",
                            "runbookbot_reloads_total{result=\"success\"} 3.0\n",
                            "runbookbot_hybrid_index 0.0\n");
        }
    }

    @Test
    void scrapeHasJvmAndProcessMetrics() {
        assertThat(metrics.scrape())
                .contains(
                        "# TYPE jvm_memory_used_bytes gauge\n",
                        "jvm_threads_live_threads ",
                        "jvm_gc_memory_allocated_bytes_total ",
                        "jvm_classes_loaded_classes ",
                        "process_cpu_usage ",
                        "process_uptime_seconds ",
                        "process_start_time_seconds ",
                        "system_cpu_count ");
    }

    @Test
    void aListenerAppearsOnceItListensAndKeepsItsLastCountsWhenItStops() {
        AtomicReference<Optional<HttpListener.Stats>> stats = new AtomicReference<>(Optional.empty());
        metrics.listener("slack", stats::get);
        assertThat(metrics.scrape()).doesNotContain("listener=\"slack\"");

        stats.set(Optional.of(new HttpListener.Stats(3, 5, 7, 2, 1)));
        assertThat(metrics.scrape())
                .contains(
                        "runbookbot_http_connections{listener=\"slack\"} 3.0\n",
                        "runbookbot_http_connections_refused_total{listener=\"slack\"} 7.0\n",
                        "runbookbot_http_timeouts_total{listener=\"slack\",part=\"head\"} 2.0\n",
                        "runbookbot_http_timeouts_total{listener=\"slack\",part=\"body\"} 1.0\n");

        stats.set(Optional.empty());
        assertThat(metrics.scrape()).contains("runbookbot_http_connections_refused_total{listener=\"slack\"} 7.0\n");
    }

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }
}
