package io.runbookbot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code /healthz}, {@code /readyz} and {@code /metrics} on the JDK's HTTP server. */
final class HealthServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code port} (0 = any free port), on every interface so probes can reach it.
     *
     * @param notReady why the bot is not ready; empty when it is
     */
    static HealthServer start(int port, Supplier<List<String>> notReady, Metrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new ConfigException("RUNBOOK_BOT_HTTP_PORT: cannot listen on port " + port + " ("
                    + e.getMessage() + ")");
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "health-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", ex -> send(ex, 200, "text/plain; charset=utf-8", "ok\n"));
        server.createContext("/readyz", ex -> ready(ex, notReady.get()));
        server.createContext("/metrics", ex -> send(ex, 200, Metrics.CONTENT_TYPE, metrics.scrape()));
        server.start();
        return new HealthServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void ready(HttpExchange exchange, List<String> reasons) throws IOException {
        if (reasons.isEmpty()) {
            send(exchange, 200, "application/json", "{\"ready\":true}\n");
        } else {
            String list = reasons.stream().map(HealthServer::quoted).collect(Collectors.joining(","));
            send(exchange, 503, "application/json", "{\"ready\":false,\"reasons\":[" + list + "]}\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Stops at once: probes and scrapes are short, and shutdown should be quick. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
