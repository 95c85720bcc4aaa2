package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.alert.AlertAuth;
import io.runbookbot.alert.AlertInbox;
import io.runbookbot.search.IndexStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook on the bot's HTTP port: credentials first, size limit, the inbox's verdict as the answer. */
class AlertWebhookIT {
    private static final String TOKEN = "alert-token-0123456789";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> offered = new CopyOnWriteArrayList<>();
    private volatile AlertInbox.Verdict verdict = AlertInbox.Verdict.queued("queued");
    private final Metrics metrics =
            new Metrics(() -> new IndexStatus(Instant.parse("2026-11-28T07:00:00Z"), 1, 1, 1, 1, 0, Optional.empty()));
    private HealthServer server;

    @BeforeEach
    void start() {
        AlertInbox inbox = body -> {
            offered.add(new String(body, StandardCharsets.UTF_8));
            return verdict;
        };
        server = HealthServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                List::of,
                metrics,
                Optional.of(new AlertWebhook(AlertAuth.token(TOKEN), inbox, metrics)));
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    private HttpResponse<String> post(String authorization, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + AlertWebhook.PATH))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBearerTokenOrBasicAuthPasswordGetsTheNotificationQueued() throws Exception {
        HttpResponse<String> bearer = post("Bearer " + TOKEN, json("{\"version\":\"4\"}"));
        String basic = Base64.getEncoder().encodeToString(("alertmanager:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> viaBasic = post("Basic " + basic, json("{\"version\":\"4\",\"n\":2}"));

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(viaBasic.statusCode()).isEqualTo(200);
        assertThat(offered).containsExactly("{\"version\":\"4\"}", "{\"version\":\"4\",\"n\":2}");
        assertThat(metrics.scrape()).contains("runbookbot_alerts_received_total 2.0");
    }

    @Test
    void missingOrWrongCredentialsAre401AndNothingReachesTheInbox() throws Exception {
        assertThat(post(null, json("{}")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("Bearer not-the-token", json("{}"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.body()).doesNotContain(TOKEN);
        assertThat(offered).isEmpty();
    }

    /** The status line the bot answers to the head of a huge POST and its first byte, the rest never sent. */
    private String statusOfHugePost(String authorization) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + AlertWebhook.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + (AlertWebhook.MAX_BODY + 1)
                            + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void aHugeBodyIsRefusedFromItsHeadBeforeItIsSent() throws Exception {
        assertThat(statusOfHugePost("Bearer wrong")).isEqualTo("HTTP/1.1 401 Unauthorized");
        assertThat(statusOfHugePost("Bearer " + TOKEN)).isEqualTo("HTTP/1.1 413 Payload Too Large");
        assertThat(offered).isEmpty();
    }

    @Test
    void theInboxsRefusalIsTheAnswer() throws Exception {
        verdict = AlertInbox.Verdict.invalid("unsupported payload version \"3\": Alertmanager webhooks send version 4");
        HttpResponse<String> invalid = post("Bearer " + TOKEN, json("{\"version\":\"3\"}"));
        verdict = AlertInbox.Verdict.unavailable("alert queue is full");
        HttpResponse<String> full = post("Bearer " + TOKEN, json("{\"version\":\"4\"}"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("version 4");
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(metrics.scrape()).contains("runbookbot_alerts_refused_total 2.0");
    }

    @Test
    void probesStillAnswerAndOtherMethodsOnTheWebhookAre405() throws Exception {
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + AlertWebhook.PATH))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Connection")).isNotEqualTo(Optional.of("close"));
    }
}
