package io.runbookbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.runbookbot.core.IncidentIds;
import io.runbookbot.http.Exchange;
import io.runbookbot.http.HttpLimits;
import io.runbookbot.http.HttpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack posts events, slash commands and interactions here. Bolt verifies the signing
 * secret and timestamp (401 when wrong) and runs the handlers, which ack at once. The listener
 * reads each request in full, under deadlines and connection caps, before Bolt sees it.
 */
public final class SlackHttpServer implements AutoCloseable {
    /** The paths served; Slack's app settings may point any of them here. */
    public static final List<String> PATHS = List.of("/slack/events", "/slack/commands", "/slack/interactions");
    /**
     * Slack's payloads are small and it sends from many addresses; behind the TLS proxy Slack
     * requires, every connection comes from the proxy, hence a per-client cap well above what a
     * proxy keeps open.
     */
    static final HttpLimits LIMITS = HttpLimits.defaults()
            .withConnections(1024, 128)
            .withWorkers(16, 256)
            .withMaxBodyBytes(1 << 20);

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);

    private final App app;
    private final SlackRequestParser parser;
    private final HttpListener listener;

    private SlackHttpServer(App app, InetSocketAddress address) throws IOException {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.listener = HttpListener.start("slack-http", address, LIMITS, this::handle);
    }

    /** Serves {@link #PATHS} on {@code address} until closed. */
    public static SlackHttpServer start(App app, InetSocketAddress address) throws IOException {
        return new SlackHttpServer(app, address);
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return listener.address().getPort();
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    /** Connections held, refused and timed out so far. */
    public HttpListener.Stats stats() {
        return listener.stats();
    }

    private void handle(Exchange exchange) {
        if (!PATHS.contains(exchange.path())) {
            write(
                    exchange,
                    Response.builder()
                            .statusCode(404)
                            .contentType("text/plain")
                            .body("not found")
                            .build());
        } else if (!exchange.method().equals("POST")) {
            write(
                    exchange,
                    Response.builder()
                            .statusCode(405)
                            .contentType("text/plain")
                            .body("POST only")
                            .build());
        } else if (exchange.body().isEmpty()) {
            write(
                    exchange,
                    Response.builder()
                            .statusCode(413)
                            .contentType("text/plain")
                            .body("too large")
                            .build());
        } else {
            write(exchange, run(exchange, new String(exchange.body().get(), StandardCharsets.UTF_8)));
        }
    }

    private Response run(Exchange exchange, String body) {
        SlackRequestParser.HttpRequest request = SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.path())
                .queryString(query(exchange.query().orElse(null)))
                .headers(new RequestHeaders(exchange.headers()))
                .requestBody(body)
                .remoteAddress(exchange.peer())
                .build();
        try {
            return app.run(parser.parse(request));
        } catch (Exception e) {
            String incident = IncidentIds.next();
            LOG.error("Incident {}: Bolt failed on {}", incident, exchange.path(), e);
            return Response.builder()
                    .statusCode(500)
                    .contentType("text/plain")
                    .body("error " + incident)
                    .build();
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        List.of(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
            }
        }
        return query;
    }

    private static void write(Exchange exchange, Response response) {
        byte[] bytes =
                response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> v.forEach(value -> exchange.setResponseHeader(k, value)));
        }
        String type = response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
        exchange.respond(response.getStatusCode(), type, bytes);
    }

    @Override
    public void close() {
        listener.close();
    }
}
