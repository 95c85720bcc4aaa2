package io.runbookbot.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.runbookbot.alert.AlertDispatcher;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.http.HttpListener;
import io.runbookbot.search.IndexStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bot's metrics in a Micrometer registry, scraped in the Prometheus text format (version 0.0.4).
 * Every labelled series exists from the start, at zero, so rates work from the first scrape; the
 * JVM and process binders add memory, GC, threads, classes, CPU, open files and uptime.
 */
final class Metrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Duration[] BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    final Counter questions = counter("runbookbot.questions", "Questions ranked against the runbooks.");
    final Counter answers = counter("runbookbot.answers", "Questions answered with a confident section.");
    final Counter abstentions = counter("runbookbot.abstentions", "Questions where no runbook matched confidently.");
    final Counter alertsReceived =
            counter("runbookbot.alerts.received", "Alertmanager notifications accepted and queued.");
    final Counter alertsRefused = counter(
            "runbookbot.alerts.refused",
            "Alertmanager webhook requests refused (credentials, size, malformed, queue full).");
    final Counter alertsPosted = counter("runbookbot.alerts.posted", "Alert group messages posted.");
    final Counter alertsUpdated = counter("runbookbot.alerts.updated", "Alert group messages updated.");
    final Counter alertsFailed = counter("runbookbot.alerts.failed", "Alert group messages given up on.");
    final Counter alertsUnmatched =
            counter("runbookbot.alerts.unmatched", "Alert group messages sent without a runbook section.");
    private final Map<DiagnosticReport.Outcome, Counter> diagnostics = new EnumMap<>(DiagnosticReport.Outcome.class);
    private final Counter helpful = feedbackCounter(true);
    private final Counter unhelpful = feedbackCounter(false);
    private final Timer latency = Timer.builder("runbookbot.answer")
            .description("Time to rank a question.")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    private final HttpListenerMeters listeners = new HttpListenerMeters(registry);
    /** Held here: Micrometer keeps only a weak reference to what a gauge or function counter reads. */
    private final Supplier<IndexStatus> index;

    Metrics(Supplier<IndexStatus> index) {
        this.index = index;
        for (DiagnosticReport.Outcome outcome : DiagnosticReport.Outcome.values()) {
            diagnostics.put(
                    outcome,
                    Counter.builder("runbookbot.diagnostics.runs")
                            .description("Diagnostic requests by outcome.")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        index();
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    void diagnosticsRun(DiagnosticReport.Outcome outcome) {
        diagnostics.get(outcome).increment();
    }

    void feedback(boolean wasHelpful) {
        (wasHelpful ? helpful : unhelpful).increment();
    }

    /** Adds an HTTP listener's connection counts to the scrape, labelled {@code listener="name"}. */
    void listener(String name, Supplier<Optional<HttpListener.Stats>> stats) {
        listeners.add(name, stats);
    }

    void answerSeconds(double seconds) {
        latency.record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
    }

    /** The exposition text. */
    String scrape() {
        listeners.refresh();
        return registry.scrape();
    }

    private void index() {
        for (boolean success : new boolean[] {true, false}) {
            FunctionCounter.builder(
                            "runbookbot.reloads",
                            index,
                            s -> success ? s.get().succeeded() : s.get().failed())
                    .description("Runbook index loads by result.")
                    .tag("result", success ? "success" : "failure")
                    .register(registry);
        }
        Gauge.builder("runbookbot.sections", index, s -> s.get().sections())
                .description("Sections in the index being served.")
                .strongReference(true)
                .register(registry);
        Gauge.builder("runbookbot.hybrid.index", index, s -> s.get().hybrid() ? 1 : 0)
                .description("1 when the served index has section vectors (hybrid retrieval).")
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "runbookbot.index.loaded.timestamp.seconds",
                        index,
                        s -> s.get().loadedAt().toEpochMilli() / 1000.0)
                .description("When the served index was built.")
                .strongReference(true)
                .register(registry);
    }

    /** The alert dispatcher's counts. */
    AlertDispatcher.Events alertEvents() {
        return new AlertDispatcher.Events() {
            @Override
            public void posted() {
                alertsPosted.increment();
            }

            @Override
            public void updated() {
                alertsUpdated.increment();
            }

            @Override
            public void failed() {
                alertsFailed.increment();
            }

            @Override
            public void unmatched() {
                alertsUnmatched.increment();
            }
        };
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(registry);
    }

    private Counter feedbackCounter(boolean value) {
        return Counter.builder("runbookbot.feedback")
                .description("Helpful / not helpful votes.")
                .tag("helpful", Boolean.toString(value))
                .register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }

    /** Stops the GC listener the binder registered with the JVM. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
