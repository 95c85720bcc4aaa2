package io.runbookbot.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every connection of one listener: closes at once those over the cap per client address
 * (an IPv6 client by its /64) or in total, and (on {@link #sweep()}) those whose request head is
 * late: a new connection must complete its first head within {@link HttpLimits#headTimeout()} of
 * opening (silent, stopped halfway, or dripping); on a kept-alive connection the same deadline
 * runs from the first byte of the next head. A kept-alive connection that sends nothing is left to
 * {@link HttpLimits#idleTimeout()}, which is longer than the idle time of common clients and
 * proxies, so that they close it first and never send a request on a connection being closed.
 */
final class ConnectionGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final String name;
    private final HttpLimits limits;
    private final Map<Connection, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new HashMap<>();
    private int open;
    private int peak;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong headTimeouts = new AtomicLong();
    private volatile long lastWarning = System.nanoTime() - LOG_EVERY_NANOS;

    /** One connection: its client, and since when it has waited for a request head (when none is active). */
    private static final class Tracked {
        final String client;
        /** When it opened or sent its last answer. */
        long idleSince = System.nanoTime();
        /** Bytes received up to its last answer: more means the next head has begun. */
        long bytesAtIdle;
        /** When the sweep first saw the next head begun; 0 while none has. */
        long headSeenAt;

        boolean served;
        int active;
        boolean closing;

        Tracked(String client) {
            this.client = client;
        }
    }

    ConnectionGuard(String name, HttpLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    @Override
    public void onOpened(Connection connection) {
        Tracked t = new Tracked(client(connection.getEndPoint().getRemoteSocketAddress()));
        boolean over;
        synchronized (this) {
            int fromClient = perClient.merge(t.client, 1, Integer::sum);
            open++;
            over = open > limits.maxConnections() || fromClient > limits.maxConnectionsPerClient();
            if (!over) {
                peak = Math.max(peak, open);
            }
        }
        tracked.put(connection, t);
        if (over) {
            t.closing = true;
            long n = refused.incrementAndGet();
            warn(
                    "{}: refused a connection from {} (over {} per client or {} in total); {} refused so far",
                    t.client,
                    n);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked t = tracked.remove(connection);
        if (t != null) {
            synchronized (this) {
                open--;
                perClient.computeIfPresent(t.client, (k, v) -> v == 1 ? null : v - 1);
            }
        }
    }

    /** A request head arrived; false when the connection is being closed (the request is dropped). */
    boolean begin(Connection connection) {
        Tracked t = tracked.get(connection);
        if (t == null) {
            return true;
        }
        synchronized (t) {
            if (t.closing) {
                return false;
            }
            t.active++;
            return true;
        }
    }

    /** The answer to a request was sent (or failed): the wait for the next head starts now. */
    void end(Connection connection) {
        Tracked t = tracked.get(connection);
        if (t != null) {
            synchronized (t) {
                t.active--;
                t.idleSince = System.nanoTime();
                t.bytesAtIdle = connection.getBytesIn();
                t.headSeenAt = 0;
                t.served = true;
            }
        }
    }

    /** Closes the connections that have waited too long for a request head. */
    void sweep() {
        long now = System.nanoTime();
        long limit = limits.headTimeout().toNanos();
        List<Connection> late = new ArrayList<>();
        tracked.forEach((connection, t) -> {
            synchronized (t) {
                if (t.active == 0 && !t.closing && headIsLate(connection, t, now, limit)) {
                    t.closing = true;
                    late.add(connection);
                }
            }
        });
        late.forEach(c -> c.getEndPoint().close());
        headTimeouts.addAndGet(late.size());
    }

    private static boolean headIsLate(Connection connection, Tracked t, long now, long limit) {
        if (!t.served) {
            return now - t.idleSince > limit;
        }
        if (t.headSeenAt == 0 && connection.getBytesIn() > t.bytesAtIdle) {
            t.headSeenAt = now;
        }
        return t.headSeenAt != 0 && now - t.headSeenAt > limit;
    }

    synchronized HttpListener.Stats stats(long bodyTimeouts) {
        return new HttpListener.Stats(open, peak, refused.get(), headTimeouts.get(), bodyTimeouts);
    }

    private void warn(String format, String client, long count) {
        long now = System.nanoTime();
        if (now - lastWarning >= LOG_EVERY_NANOS) {
            lastWarning = now;
            LOG.warn(format, name, client, limits.maxConnectionsPerClient(), limits.maxConnections(), count);
        }
    }

    /**
     * The key a client is counted under: its IPv4 address, or the /64 network of an IPv6 address
     * (one host usually has a whole /64 to pick addresses from).
     */
    static String client(@Nullable SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return "-";
        }
        if (inet.getAddress() instanceof Inet6Address v6 && !v6.isLoopbackAddress()) {
            byte[] network = Arrays.copyOf(v6.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return inet.getAddress().getHostAddress();
    }
}
