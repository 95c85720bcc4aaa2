package io.runbookbot.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Where the test's Alertmanager sends its webhooks: a JDK HTTP server on 127.0.0.1 that keeps every
 * notification (path, headers, raw body) in arrival order and answers 200 when the request carries the
 * Authorization header expected for its path, else 401; or 503 when told to fail ({@link #failNext}).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One notification as it arrived. */
    record Delivery(String path, String authorization, String userAgent, byte[] body, JsonNode json, long nanos) {
        String status() {
            return json.path("status").asText();
        }

        long count(String alertStatus) {
            List<JsonNode> alerts = new ArrayList<>();
            json.path("alerts").forEach(alerts::add);
            return alerts.stream()
                    .filter(a -> a.path("status").asText().equals(alertStatus))
                    .count();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, String> expectedAuthorization;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Integer> consumed = new HashMap<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private final List<Delivery> refused = new ArrayList<>();

    /** {@code expectedAuthorization}: path -> the exact Authorization header that path accepts. */
    WebhookReceiver(Map<String, String> expectedAuthorization) throws IOException {
        this.expectedAuthorization = Map.copyOf(expectedAuthorization);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1 << 20);
            String path = exchange.getRequestURI().getPath();
            String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                    .orElse("");
            String agent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent"))
                    .orElse("");
            Delivery delivery = new Delivery(path, auth, agent, body, JSON.readTree(body), System.nanoTime());
            int status = auth.equals(expectedAuthorization.get(path)) ? answer(delivery) : unauthorized(delivery);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** The next {@code times} authenticated requests on {@code path} are answered 503 (and kept apart). */
    synchronized void failNext(String path, int times) {
        failuresLeft.put(path, times);
    }

    private synchronized int answer(Delivery delivery) {
        int left = failuresLeft.getOrDefault(delivery.path(), 0);
        if (left > 0) {
            failuresLeft.put(delivery.path(), left - 1);
            refused.add(delivery);
            return 503;
        }
        deliveries.add(delivery);
        notifyAll();
        return 200;
    }

    private synchronized int unauthorized(Delivery delivery) {
        refused.add(delivery);
        return 401;
    }

    /** The requests answered 503 by {@link #failNext} or 401, in arrival order. */
    synchronized List<Delivery> refused(String path) {
        return refused.stream().filter(d -> d.path().equals(path)).toList();
    }

    /**
     * The first notification on {@code path} after the one this method returned last for that path
     * that matches {@code wanted}, waiting up to {@code timeout}; the ones skipped are consumed too.
     */
    synchronized Delivery next(String path, Predicate<Delivery> wanted, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = consumed.getOrDefault(path, 0);
        while (true) {
            for (int i = from; i < deliveries.size(); i++) {
                Delivery d = deliveries.get(i);
                if (d.path().equals(path) && wanted.test(d)) {
                    consumed.put(path, i + 1);
                    return d;
                }
            }
            from = deliveries.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "no " + what + " notification on " + path + " within " + timeout + "; received: " + summary());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<Delivery> all(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    private String summary() {
        return deliveries.stream()
                .map(d -> d.path() + " " + d.status() + " firing=" + d.count("firing") + " resolved="
                        + d.count("resolved"))
                .toList()
                .toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
