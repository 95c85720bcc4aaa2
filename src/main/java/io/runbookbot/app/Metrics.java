package io.runbookbot.app;

import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.http.HttpListener;
import io.runbookbot.search.ReloadingRunbooks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The bot's counters, written by hand in the Prometheus text exposition format (version 0.0.4).
 * Every labelled series exists from the start, at zero, so rates work from the first scrape.
 */
final class Metrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    final LongAdder questions = new LongAdder();
    final LongAdder answers = new LongAdder();
    final LongAdder abstentions = new LongAdder();
    private final Map<String, LongAdder> diagnostics = new TreeMap<>();
    private final Map<String, LongAdder> feedback = new TreeMap<>();
    private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS.length];
    private final DoubleAdder latencySum = new DoubleAdder();
    private final LongAdder latencyCount = new LongAdder();
    private final Supplier<ReloadingRunbooks.Status> index;
    private final Map<String, Supplier<Optional<HttpListener.Stats>>> listeners = new ConcurrentSkipListMap<>();

    Metrics(Supplier<ReloadingRunbooks.Status> index) {
        this.index = index;
        Arrays.stream(DiagnosticReport.Outcome.values()).forEach(o -> diagnostics.put(label(o), new LongAdder()));
        feedback.put("true", new LongAdder());
        feedback.put("false", new LongAdder());
        Arrays.setAll(latencyBuckets, i -> new LongAdder());
    }

    void diagnosticsRun(DiagnosticReport.Outcome outcome) {
        diagnostics.get(label(outcome)).increment();
    }

    void feedback(boolean helpful) {
        feedback.get(Boolean.toString(helpful)).increment();
    }

    /** Adds an HTTP listener's connection counts to the scrape, labelled {@code listener="name"}. */
    void listener(String name, Supplier<Optional<HttpListener.Stats>> stats) {
        listeners.put(name, stats);
    }

    void answerSeconds(double seconds) {
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                latencyBuckets[i].increment();
            }
        }
        latencySum.add(seconds);
        latencyCount.increment();
    }

    /** The exposition text. */
    String scrape() {
        StringBuilder out = new StringBuilder();
        counter(out, "runbookbot_questions_total", "Questions ranked against the runbooks.", questions.sum());
        counter(out, "runbookbot_answers_total", "Questions answered with a confident section.", answers.sum());
        counter(out, "runbookbot_abstentions_total", "Questions where no runbook matched confidently.",
                abstentions.sum());
        labelled(out, "runbookbot_diagnostics_runs_total", "Diagnostic requests by outcome.", "outcome", diagnostics);
        labelled(out, "runbookbot_feedback_total", "Helpful / not helpful votes.", "helpful", feedback);
        ReloadingRunbooks.Status status = index.get();
        header(out, "runbookbot_reloads_total", "Runbook index loads by result.", "counter");
        out.append("runbookbot_reloads_total{result=\"success\"} ").append(status.succeeded()).append('\n');
        out.append("runbookbot_reloads_total{result=\"failure\"} ").append(status.failed()).append('\n');
        histogram(out);
        header(out, "runbookbot_sections", "Sections in the index being served.", "gauge");
        out.append("runbookbot_sections ").append(status.sections()).append('\n');
        header(out, "runbookbot_hybrid_index", "1 when the served index has section vectors (hybrid retrieval).",
                "gauge");
        out.append("runbookbot_hybrid_index ").append(status.hybrid() ? 1 : 0).append('\n');
        header(out, "runbookbot_index_loaded_timestamp_seconds", "When the served index was built.", "gauge");
        out.append("runbookbot_index_loaded_timestamp_seconds ")
                .append(status.loadedAt().toEpochMilli() / 1000.0).append('\n');
        http(out);
        return out.toString();
    }

    /** Per listener: connections open, and those refused or closed for a late head or body. */
    private void http(StringBuilder out) {
        Map<String, HttpListener.Stats> stats = new TreeMap<>();
        listeners.forEach((name, s) -> s.get().ifPresent(v -> stats.put(name, v)));
        if (stats.isEmpty()) {
            return;
        }
        header(out, "runbookbot_http_connections", "Connections open now, by listener.", "gauge");
        stats.forEach((n, s) -> out.append("runbookbot_http_connections{listener=\"").append(n).append("\"} ")
                .append(s.open()).append('\n'));
        header(out, "runbookbot_http_connections_refused_total",
                "Connections closed at once for being over the per-client or total cap.", "counter");
        stats.forEach((n, s) -> out.append("runbookbot_http_connections_refused_total{listener=\"").append(n)
                .append("\"} ").append(s.refused()).append('\n'));
        header(out, "runbookbot_http_timeouts_total",
                "Connections closed for sending no complete request head, or requests answered 408 for a late body,"
                        + " in time.", "counter");
        stats.forEach((n, s) -> out.append("runbookbot_http_timeouts_total{listener=\"").append(n)
                .append("\",part=\"head\"} ").append(s.headTimeouts()).append('\n')
                .append("runbookbot_http_timeouts_total{listener=\"").append(n).append("\",part=\"body\"} ")
                .append(s.bodyTimeouts()).append('\n'));
    }

    private void histogram(StringBuilder out) {
        String name = "runbookbot_answer_seconds";
        header(out, name, "Time to rank a question.", "histogram");
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append(name).append("_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(latencyBuckets[i].sum()).append('\n');
        }
        long count = latencyCount.sum();
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append(name).append("_sum ").append(latencySum.sum()).append('\n');
        out.append(name).append("_count ").append(count).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String help, String label,
                                 Map<String, LongAdder> series) {
        header(out, name, help, "counter");
        series.forEach((value, count) -> out.append(name).append('{').append(label).append("=\"").append(value)
                .append("\"} ").append(count.sum()).append('\n'));
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String label(DiagnosticReport.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
