package io.runbookbot.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.runbookbot.http.HttpListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Per HTTP listener: connections open, and those refused or closed for a late head or body. A
 * listener's series appear once it is listening (a Socket Mode front end has none), and a listener
 * that stops keeps its last counts.
 */
final class HttpListenerMeters {
    private final MeterRegistry registry;
    private final Map<String, Supplier<Optional<HttpListener.Stats>>> pending = new ConcurrentHashMap<>();
    private final Map<String, Last> registered = new ConcurrentHashMap<>();

    HttpListenerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void add(String name, Supplier<Optional<HttpListener.Stats>> stats) {
        if (!registered.containsKey(name)) {
            pending.put(name, stats);
        }
    }

    /** Registers the listeners that have started since the last scrape. */
    void refresh() {
        pending.forEach((name, stats) -> {
            if (stats.get().isPresent() && pending.remove(name, stats)) {
                Last last = new Last(stats);
                registered.put(name, last);
                register(name, last);
            }
        });
    }

    private void register(String name, Last last) {
        Gauge.builder("runbookbot.http.connections", last, l -> l.value(HttpListener.Stats::open))
                .strongReference(true)
                .description("Connections open now, by listener.")
                .tag("listener", name)
                .register(registry);
        FunctionCounter.builder("runbookbot.http.connections.refused", last, l -> l.value(HttpListener.Stats::refused))
                .description("Connections closed at once for being over the per-client or total cap.")
                .tag("listener", name)
                .register(registry);
        timeouts(name, "head", last, HttpListener.Stats::headTimeouts);
        timeouts(name, "body", last, HttpListener.Stats::bodyTimeouts);
    }

    private void timeouts(String name, String part, Last last, ToLongFunction<HttpListener.Stats> count) {
        FunctionCounter.builder("runbookbot.http.timeouts", last, l -> l.value(count))
                .description("Connections closed for sending no complete request head, or requests answered 408"
                        + " for a late body, in time.")
                .tags("listener", name, "part", part)
                .register(registry);
    }

    /** The listener's stats, or the last ones seen once it has stopped. */
    private static final class Last {
        private final Supplier<Optional<HttpListener.Stats>> stats;
        private volatile Optional<HttpListener.Stats> last = Optional.empty();

        Last(Supplier<Optional<HttpListener.Stats>> stats) {
            this.stats = stats;
        }

        double value(ToLongFunction<HttpListener.Stats> field) {
            Optional<HttpListener.Stats> now = stats.get();
            if (now.isPresent()) {
                last = now;
            }
            return last.map(field::applyAsLong).orElse(0L);
        }
    }
}
