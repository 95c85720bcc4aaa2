package io.runbookbot.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.runbookbot.http.Exchange;
import io.runbookbot.http.HeadCheck;
import io.runbookbot.http.HttpLimits;
import io.runbookbot.http.HttpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /healthz}, {@code /readyz} and {@code /metrics} on a listener of their own, so that they
 * keep answering while the chat endpoint is under load.
 */
final class HealthServer implements AutoCloseable {
    /** Probes and scrapes are few and short: two workers and a small cap per client; idle connections cost no thread, so the total cap is well above any attack the per-client cap lets through from a few addresses. */
    static final HttpLimits LIMITS =
            HttpLimits.defaults().withConnections(256, 16).withWorkers(2, 64).withMaxBodyBytes(4096);

    private final HttpListener listener;

    private HealthServer(HttpListener listener) {
        this.listener = listener;
    }

    /**
     * Starts serving on {@code address} (port 0 = any free port).
     *
     * @param notReady why the bot is not ready; empty when it is
     */
    static HealthServer start(InetSocketAddress address, Supplier<List<String>> notReady, Metrics metrics) {
        return start(address, notReady, metrics, Optional.empty());
    }

    /** Also takes Alertmanager's webhook on {@value AlertWebhook#PATH} when {@code alerts} is given. */
    static HealthServer start(
            InetSocketAddress address,
            Supplier<List<String>> notReady,
            Metrics metrics,
            Optional<AlertWebhook> alerts) {
        HttpLimits limits = alerts.isPresent() ? LIMITS.withMaxBodyBytes(AlertWebhook.MAX_BODY) : LIMITS;
        HeadCheck headCheck = alerts.map(AlertWebhook::headCheck).orElse(HeadCheck.ALWAYS);
        try {
            return new HealthServer(HttpListener.start("health-http", address, limits, headCheck, ex -> {
                if (alerts.isPresent() && ex.path().equals(AlertWebhook.PATH)) {
                    alerts.get().handle(ex);
                } else {
                    answer(ex, notReady, metrics);
                }
            }));
        } catch (IOException e) {
            throw new ConfigException(Setting.HTTP_BIND.variable() + " / " + Setting.HTTP_PORT.variable()
                    + ": cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort() + " ("
                    + e.getMessage() + ")");
        }
    }

    int port() {
        return listener.address().getPort();
    }

    InetSocketAddress address() {
        return listener.address();
    }

    HttpListener.Stats stats() {
        return listener.stats();
    }

    private static void answer(Exchange ex, Supplier<List<String>> notReady, Metrics metrics) {
        switch (ex.path()) {
            case "/healthz" -> send(ex, 200, "text/plain; charset=utf-8", "ok\n");
            case "/readyz" -> ready(ex, notReady.get());
            case "/metrics" -> send(ex, 200, Metrics.CONTENT_TYPE, metrics.scrape());
            default ->
                send(
                        ex,
                        404,
                        "text/plain; charset=utf-8",
                        "not found: use /healthz, /readyz, /metrics (or POST " + AlertWebhook.PATH + ")\n");
        }
    }

    private static void ready(Exchange exchange, List<String> reasons) {
        send(
                exchange,
                reasons.isEmpty() ? 200 : 503,
                "application/json",
                Readiness.of(reasons).json());
    }

    /** The {@code /readyz} body: {@code {"ready":true}} or {@code {"ready":false,"reasons":[...]}}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Readiness(boolean ready, List<String> reasons) {
        private static final ObjectWriter JSON = new ObjectMapper().writerFor(Readiness.class);

        static Readiness of(List<String> reasons) {
            return new Readiness(reasons.isEmpty(), List.copyOf(reasons));
        }

        String json() {
            try {
                return JSON.writeValueAsString(this) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a list of strings is always JSON", e);
            }
        }
    }

    /** GET and HEAD only (Jetty leaves the body out of a HEAD answer). */
    private static void send(Exchange exchange, int status, String type, String body) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            exchange.setResponseHeader("Allow", "GET, HEAD");
            exchange.respond(405, "text/plain; charset=utf-8", "use GET\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.respond(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops at once: probes and scrapes are short, and shutdown should be quick. */
    @Override
    public void close() {
        listener.close();
    }
}
