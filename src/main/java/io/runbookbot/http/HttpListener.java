package io.runbookbot.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hardened HTTP/1.1 listener (see the package description): Jetty parses heads and reads
 * bodies on a few threads of its own that never wait on a client, and {@link ExchangeHandler}s run
 * on a bounded pool once the whole request is in. Each listener has its own threads and caps, so
 * one under attack does not slow another.
 */
public final class HttpListener implements AutoCloseable {
    /** Jetty's threads: an acceptor, a selector and a few that parse; they never block. */
    private static final int IO_THREADS = 8;

    private static final long SWEEP_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

    private final String name;
    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ConnectionGuard guard;
    private final RequestReader reader;

    /**
     * What a listener has seen.
     *
     * @param open         connections open now
     * @param peak         most connections held at once (refused ones not counted)
     * @param refused      connections closed at once for being over a cap
     * @param headTimeouts connections closed for not sending a complete request head in time
     * @param bodyTimeouts requests answered 408 because their body did not arrive in time
     */
    public record Stats(int open, int peak, long refused, long headTimeouts, long bodyTimeouts) {}

    private HttpListener(
            String name,
            Server server,
            ServerConnector connector,
            ThreadPoolExecutor workers,
            ScheduledThreadPoolExecutor timer,
            ConnectionGuard guard,
            RequestReader reader) {
        this.name = name;
        this.server = server;
        this.connector = connector;
        this.workers = workers;
        this.timer = timer;
        this.guard = guard;
        this.reader = reader;
    }

    /**
     * Binds {@code address} (port 0 picks a free port) and serves until closed.
     *
     * @param name names the threads and log lines, e.g. {@code agent-http}
     * @throws IOException when the address cannot be bound
     */
    public static HttpListener start(String name, InetSocketAddress address, HttpLimits limits, ExchangeHandler handler)
            throws IOException {
        return start(name, address, limits, HeadCheck.ALWAYS, handler);
    }

    /**
     * Like {@link #start(String, InetSocketAddress, HttpLimits, ExchangeHandler)}, reading a body only
     * when {@code headCheck} wants it.
     */
    public static HttpListener start(
            String name, InetSocketAddress address, HttpLimits limits, HeadCheck headCheck, ExchangeHandler handler)
            throws IOException {
        Objects.requireNonNull(headCheck, "headCheck");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(handler, "handler");
        QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, 2);
        io.setName(name + "-io");
        io.setDaemon(true);
        io.setReservedThreads(0);
        Server server = new Server(io);
        server.setStopTimeout(0);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        ConnectionGuard guard = new ConnectionGuard(name, limits);
        connector.addBean(guard);
        server.addConnector(connector);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                limits.workers(),
                limits.workers(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()),
                daemon(name + "-worker"),
                new ThreadPoolExecutor.AbortPolicy());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(name + "-timer"));
        timer.setRemoveOnCancelPolicy(true);
        RequestReader reader = new RequestReader(name, limits, headCheck, handler, workers, timer, guard);
        server.setHandler(reader);
        HttpListener listener = new HttpListener(name, server, connector, workers, timer, guard, reader);
        try {
            server.start();
        } catch (Exception e) {
            listener.close();
            throw e instanceof IOException io2 ? io2 : new IOException("cannot listen on " + address, e);
        }
        timer.scheduleWithFixedDelay(guard::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return listener;
    }

    /** The bound address, with the real port when 0 was asked for. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    public Stats stats() {
        return guard.stats(reader.bodyTimeouts());
    }

    /** Stops at once: open connections are closed and waiting requests dropped. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping {} failed; its threads are daemons and stop with the JVM", name, e);
        }
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
