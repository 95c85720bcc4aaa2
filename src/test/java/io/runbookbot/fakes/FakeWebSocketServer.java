package io.runbookbot.fakes;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket half of a fake (Java-WebSocket): binds an ephemeral 127.0.0.1 port, waits until it
 * listens, and lets a test wait for the client under test to connect. Subclasses speak the
 * platform's protocol in {@link #onOpen} and {@link #onMessage}.
 */
abstract class FakeWebSocketServer extends WebSocketServer implements AutoCloseable {

    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Object connectionLock = new Object();

    FakeWebSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts the server and returns once it accepts connections. */
    final void startAndWait() {
        start();
        try {
            started.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("fake WebSocket server did not start", e);
        }
    }

    /** Waits until at least one client connection is open. */
    final void awaitConnection(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connectionLock) {
            while (openConnections() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "no client connected to " + getClass().getSimpleName() + " within " + timeout);
                }
                try {
                    connectionLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a connection", e);
                }
            }
        }
    }

    final long openConnections() {
        return getConnections().stream().filter(WebSocket::isOpen).count();
    }

    /** Subclasses call this at the end of {@code onOpen} and {@code onClose}. */
    final void connectionsChanged() {
        synchronized (connectionLock) {
            connectionLock.notifyAll();
        }
    }

    @Override
    public final void onStart() {
        started.complete(null);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        connectionsChanged();
    }

    @Override
    public void onError(@Nullable WebSocket conn, Exception ex) {
        if (conn == null) {
            started.completeExceptionally(ex);
        }
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
