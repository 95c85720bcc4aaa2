package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.http.HttpLimits;
import io.runbookbot.http.HttpListener;
import io.runbookbot.security.HeldConnections.Attack;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared listener with short deadlines and small caps, so each attack takes a second or two:
 * drips, the total cap, oversized bodies, a handler that dies, and a handler that runs longer than
 * the idle timeout (a long command on the agent must not be cut off).
 */
class HttpListenerSecurityIT {
    private static final HttpLimits LIMITS =
            new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(800), 20, 10, 100, 2, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private HttpListener start(io.runbookbot.http.ExchangeHandler handler) throws Exception {
        listener = HttpListener.start("test-http", new InetSocketAddress("127.0.0.1", 0), LIMITS, handler);
        return listener;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + listener.address().getPort() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(io.runbookbot.http.Exchange ex) {
        ex.respond(
                200, "text/plain", ("ok " + ex.body().map(b -> b.length).orElse(-1)).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code text} one byte every {@code gapMillis}; returns when the server closed, or after all was sent. */
    private static long drip(Socket socket, String text, long gapMillis) throws Exception {
        long start = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        try {
            for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(gapMillis);
            }
        } catch (java.io.IOException closed) {
            // the server closed the connection: that is the point
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aHeadDrippedOneByteAt200msIsCutOffAtTheHeadDeadline() throws Exception {
        start(HttpListenerSecurityIT::ok);
        try (Socket s = new Socket("127.0.0.1", listener.address().getPort())) {
            long ms = drip(s, "GET /x HTTP/1.1\r\nHost: a\r\nX-Drip: " + "a".repeat(200) + "\r\n\r\n", 200);
            System.out.printf(
                    "LISTENER head drip (5 bytes/s): connection closed after %d ms (head deadline 1 s)%n", ms);
            assertThat(ms).isLessThan(5_000);
            assertThat(s.getInputStream().read())
                    .as("nothing answered, connection closed")
                    .isEqualTo(-1);
        }
        assertThat(listener.stats().headTimeouts()).isEqualTo(1);
        assertThat(get("/after").body()).isEqualTo("ok 0");
    }

    @Test
    void aBodyDrippedOneByteAt200msIsAnswered408AtTheBodyDeadlineAndNeverReachesTheHandler() throws Exception {
        start(ex -> {
            throw new AssertionError("the handler must not see a dripped body");
        });
        try (Socket s = new Socket("127.0.0.1", listener.address().getPort())) {
            s.getOutputStream()
                    .write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            long ms = drip(s, "b".repeat(50), 200);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            System.out.printf("LISTENER body drip (5 bytes/s): 408 and close after %d ms (body deadline 1 s)%n", ms);
            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(ms).isLessThan(5_000);
        }
        assertThat(listener.stats().bodyTimeouts()).isEqualTo(1);
    }

    @Test
    void connectionsOverTheTotalCapAreRefusedAndCounted() throws Exception {
        start(HttpListenerSecurityIT::ok);
        try (HeldConnections held =
                HeldConnections.open(listener.address().getPort(), "GET", "/", Attack.SILENT, 30, 5, 20)) {
            Thread.sleep(300);
            assertThat(held.stillOpen()).isEqualTo(20);
            assertThat(listener.stats().refused()).isEqualTo(10);
            assertThat(listener.stats().peak()).isEqualTo(20);
        }
    }

    @Test
    void anOversizedBodyIsNotReadAndTheHandlerSeesItAsTooLarge() throws Exception {
        start(HttpListenerSecurityIT::ok);
        HttpResponse<String> small = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + listener.address().getPort() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> large = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + listener.address().getPort() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(101)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.body()).isEqualTo("ok 100");
        assertThat(large.body()).isEqualTo("ok -1");
        assertThat(large.headers().firstValue("Connection")).contains("close");
    }

    @Test
    void aHandlerThatThrowsAnErrorGets500AndTheListenerKeepsAnswering() throws Exception {
        start(ex -> {
            if (ex.path().equals("/boom")) {
                throw new StackOverflowError("deep");
            }
            ok(ex);
        });
        assertThat(get("/boom").statusCode()).isEqualTo(500);
        assertThat(get("/boom").body()).doesNotContain("deep");
        assertThat(get("/fine").body()).isEqualTo("ok 0");
    }

    @Test
    void aHandlerRunningLongerThanTheIdleTimeoutStillAnswers() throws Exception {
        start(ex -> {
            Thread.sleep(1_600); // the behaviour under test: a handler twice as slow as the 800 ms idle timeout
            ok(ex);
        });
        assertThat(get("/slow").body()).isEqualTo("ok 0");
    }

    @Test
    void aKeptAliveConnectionThatDripsItsNextHeadIsCutOffAtTheHeadDeadline() throws Exception {
        start(HttpListenerSecurityIT::ok);
        try (Socket s = new Socket("127.0.0.1", listener.address().getPort())) {
            s.getOutputStream().write("GET /a HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] first = new byte[64];
            assertThat(new String(first, 0, s.getInputStream().read(first), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200 ");
            long ms = drip(s, "GET /b HTTP/1.1\r\nHost: a\r\nX-Drip: " + "a".repeat(200) + "\r\n\r\n", 200);
            System.out.printf("LISTENER next-head drip on a kept-alive connection: closed after %d ms%n", ms);
            assertThat(ms).isLessThan(5_000);
        }
        assertThat(listener.stats().headTimeouts()).isEqualTo(1);
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        start(HttpListenerSecurityIT::ok);
        try (Socket s = new Socket("127.0.0.1", listener.address().getPort())) {
            s.getOutputStream().write("GET /a HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            long start = System.nanoTime();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("ok 0");
            assertThat(ms).isBetween(500L, 5_000L);
        }
    }
}
