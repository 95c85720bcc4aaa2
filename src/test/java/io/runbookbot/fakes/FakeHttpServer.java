package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP half of a fake: a JDK server on an ephemeral 127.0.0.1 port that parses each request,
 * lets a {@link Route} answer it and records it, answer included, in a {@link CallLog}.
 */
final class FakeHttpServer implements AutoCloseable {

    /** What the fake answers. */
    record Reply(int status, String contentType, String body) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, "application/json; charset=utf-8", Json.write(body));
        }

        static Reply json(JsonNode body) {
            return json(200, body);
        }

        static Reply noContent() {
            return new Reply(204, "", "");
        }
    }

    /** Answers one request; {@code request.status()} is 0 until the reply is known. */
    @FunctionalInterface
    interface Route {
        Reply handle(RecordedRequest request);
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(FakeHttpServer::daemon);
    private final CallLog<RecordedRequest> log;

    FakeHttpServer(CallLog<RecordedRequest> log) {
        this.log = log;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a fake HTTP server on 127.0.0.1", e);
        }
        server.setExecutor(executor);
    }

    /**
     * Serves every path under {@code context}; the recorded route is the path without {@code strip},
     * e.g. context {@code /api/} strip {@code /api/}: {@code chat.postMessage}.
     */
    void route(String context, String strip, Route route) {
        server.createContext(context, exchange -> serve(exchange, strip, route));
    }

    void start() {
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange, String prefix, Route route) throws IOException {
        try (exchange) {
            RecordedRequest request = read(exchange, prefix);
            Reply reply;
            try {
                reply = route.handle(request);
            } catch (RuntimeException e) {
                reply = new Reply(500, "text/plain", "fake failed: " + e);
            }
            log.add(withStatus(request, reply.status()));
            write(exchange, reply);
        }
    }

    private static RecordedRequest read(HttpExchange exchange, String prefix) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String contentType = headers.getOrDefault("content-type", List.of("")).get(0);
        String path = exchange.getRequestURI().getRawPath();
        String route = decode(path.substring(Math.min(prefix.length(), path.length())));
        Map<String, String> form =
                contentType.startsWith("application/x-www-form-urlencoded") ? formFields(body) : Map.of();
        return new RecordedRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                route,
                formFields(exchange.getRequestURI().getRawQuery()),
                headers,
                body,
                form,
                jsonOf(contentType, body),
                0);
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (!reply.contentType().isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Parses {@code a=1&b=2} (a form body or a raw query); the first value of a key wins. */
    static Map<String, String> formFields(@Nullable String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            fields.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static JsonNode jsonOf(String contentType, String body) {
        if (contentType.startsWith("application/json") && !body.isBlank()) {
            return Json.parse(body);
        }
        if (contentType.startsWith("multipart/form-data")) {
            return payloadJson(contentType, body);
        }
        return MissingNode.getInstance();
    }

    /**
     * Discord sends messages with files as multipart; the message itself is the payload_json part.
     */
    private static JsonNode payloadJson(String contentType, String body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return MissingNode.getInstance();
        }
        for (String part : body.split("--" + Pattern.quote(m.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            if (split > 0 && part.substring(0, split).contains("name=\"payload_json\"")) {
                return Json.parse(part.substring(split + 4).trim());
            }
        }
        return MissingNode.getInstance();
    }

    private static RecordedRequest withStatus(RecordedRequest r, int status) {
        return new RecordedRequest(r.method(), r.route(), r.query(), r.headers(), r.body(), r.form(), r.json(), status);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "fake-http");
        t.setDaemon(true);
        return t;
    }
}
