package io.runbookbot.fakes;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest HTTP-mode front for Bolt: JDK HttpServer, SlackRequestParser, app.run, reply. The
 * production adapter will be a real class in the slack package; this one proves the fake.
 */
final class BoltHttpBridge implements AutoCloseable {
  private final App app;
  private final SlackRequestParser parser;
  private final HttpServer server;

  BoltHttpBridge(App app) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/slack/events", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      write(exchange, run(exchange));
    }
  }

  private Response run(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> query = new HashMap<>();
    FakeHttpServer.formFields(exchange.getRequestURI().getRawQuery())
        .forEach((k, v) -> query.put(k, List.of(v)));
    SlackRequestParser.HttpRequest request =
        SlackRequestParser.HttpRequest.builder()
            .requestUri(exchange.getRequestURI().getPath())
            .queryString(query)
            .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
            .requestBody(body)
            .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
            .build();
    try {
      return app.run(parser.parse(request));
    } catch (Exception e) {
      // the test sees the 500 and this text; a production adapter logs it with an incident id
      return Response.builder()
          .statusCode(500)
          .contentType("text/plain")
          .body("bolt failed: " + e)
          .build();
    }
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes =
        response.getBody() == null
            ? new byte[0]
            : response.getBody().getBytes(StandardCharsets.UTF_8);
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
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
