package io.runbookbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack posts events, slash commands and interactions here. Bolt verifies the signing
 * secret and timestamp (401 when wrong) and runs the handlers, which ack at once.
 */
public final class SlackHttpServer implements AutoCloseable {
    /** The paths served; Slack's app settings may point any of them here. */
    public static final List<String> PATHS = List.of("/slack/events", "/slack/commands", "/slack/interactions");
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final HttpServer server;
    private final ExecutorService threads;

    private SlackHttpServer(App app, HttpServer server, int threads) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.server = server;
        this.threads = Executors.newFixedThreadPool(threads);
        PATHS.forEach(path -> server.createContext(path, this::handle));
        server.setExecutor(this.threads);
    }

    /** Serves {@link #PATHS} on {@code address} until closed. */
    public static SlackHttpServer start(App app, InetSocketAddress address) throws IOException {
        SlackHttpServer s = new SlackHttpServer(app, HttpServer.create(address, 128), 32);
        s.server.start();
        return s;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                write(exchange, Response.builder().statusCode(405).contentType("text/plain").body("POST only").build());
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body.length > MAX_BODY) {
                write(exchange, Response.builder().statusCode(413).contentType("text/plain").body("too large").build());
                return;
            }
            write(exchange, run(exchange, new String(body, StandardCharsets.UTF_8)));
        }
    }

    private Response run(HttpExchange exchange, String body) {
        SlackRequestParser.HttpRequest request = SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(query(exchange.getRequestURI().getRawQuery()))
                .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
                .requestBody(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build();
        try {
            return app.run(parser.parse(request));
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Incident {}: Bolt failed on {}", incident, exchange.getRequestURI().getPath(), e);
            return Response.builder().statusCode(500).contentType("text/plain").body("error " + incident).build();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAX_BODY + 1);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        List.of(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
            }
        }
        return query;
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getContentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.getContentType());
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        }
        exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
