package io.runbookbot.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fake agent on a raw socket that reads the request, then sends its answer one byte per second:
 * either a complete head and then the body, or the head itself. Reports when the caller closed the
 * connection (a write failed).
 */
final class DrippingAgent implements AutoCloseable {
    private static final String HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";

    private final ServerSocket server;
    private final boolean dripHead;
    private final CompletableFuture<Long> callerGone = new CompletableFuture<>();

    private DrippingAgent(ServerSocket server, boolean dripHead) {
        this.server = server;
        this.dripHead = dripHead;
    }

    /** Sends the head at once, then drips the body. */
    static DrippingAgent dripBody() throws IOException {
        return start(false);
    }

    /** Drips the head itself. */
    static DrippingAgent dripHead() throws IOException {
        return start(true);
    }

    private static DrippingAgent start(boolean dripHead) throws IOException {
        DrippingAgent agent = new DrippingAgent(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), dripHead);
        Thread t = new Thread(agent::serveOne, "dripping-agent");
        t.setDaemon(true);
        t.start();
        return agent;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** System.nanoTime() when a write to the caller first failed (it closed the connection). */
    long callerGoneAt(long timeoutSeconds) throws Exception {
        return callerGone.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    private void serveOne() {
        try (Socket s = server.accept()) {
            RawHttp.read(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
            if (!dripHead) {
                out.write(head);
                out.flush();
            }
            byte[] drip = dripHead ? head : "{\"exitCode\":0,\"stdout\":\"".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 600; i++) {
                out.write(drip[i % drip.length]);
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            callerGone.complete(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
