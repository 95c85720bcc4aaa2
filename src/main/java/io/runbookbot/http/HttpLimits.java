package io.runbookbot.http;

import java.time.Duration;

/**
 * What one listener allows a client. The defaults suit a small bot; each server narrows them
 * with the {@code with...} methods.
 *
 * @param headTimeout  a new connection must deliver a complete request head within this long of
 *                     opening, and a kept-alive one within this long of starting its next head,
 *                     else it is closed
 * @param bodyTimeout  the whole body must arrive within this long of the head, else 408 and close
 * @param idleTimeout  a kept-alive connection that sends nothing, or a read or write that makes no
 *                     progress, is closed after this long; longer than the idle time of common
 *                     clients and proxies (nginx and load balancers: 60 s) so that they close first
 * @param maxConnections          connections held at once; more are closed at once and counted
 * @param maxConnectionsPerClient connections held at once from one client address
 * @param maxBodyBytes larger bodies are not read: the handler sees {@link Exchange#body()} empty
 * @param workers      threads that run handlers (the parsing threads are Jetty's and never wait)
 * @param queue        requests waiting for a worker; when it is full the answer is 503
 */
public record HttpLimits(
        Duration headTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        int maxConnections,
        int maxConnectionsPerClient,
        int maxBodyBytes,
        int workers,
        int queue) {
    public static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(75);
    /**
     * The head and body deadlines of {@link #defaults()}: {@link #HEAD_TIMEOUT} and
     * {@link #BODY_TIMEOUT}, unless a test shortened them (see {@link #shortenDeadlinesForTests}).
     */
    private static volatile Duration[] deadlines = {HEAD_TIMEOUT, BODY_TIMEOUT};

    public HttpLimits {
        positive(headTimeout, "headTimeout");
        positive(bodyTimeout, "bodyTimeout");
        positive(idleTimeout, "idleTimeout");
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || maxConnectionsPerClient > maxConnections) {
            throw new IllegalArgumentException("connection caps must be at least 1, the per-client one at most the"
                    + " total: " + maxConnectionsPerClient + " of " + maxConnections);
        }
        if (maxBodyBytes < 0 || workers < 1 || queue < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, workers and queue >= 1");
        }
    }

    /**
     * 10 s for a head and for a body, 75 s for an idle kept-alive connection, 512 connections of
     * which 32 per client, 1 MiB bodies, 16 workers.
     */
    public static HttpLimits defaults() {
        Duration[] d = deadlines;
        return new HttpLimits(d[0], d[1], IDLE_TIMEOUT, 512, 32, 1 << 20, 16, 256);
    }

    /**
     * Shortens the head and body deadlines of every listener started afterwards in this JVM. Only
     * for tests that run the bot as a real process and wait for those deadlines to pass: their main
     * class (src/test: {@code io.runbookbot.http.ShortDeadlinesMain}) calls this, then the real
     * {@code Main}. Package-private, so that nothing in the bot can weaken its deadlines.
     */
    static void shortenDeadlinesForTests(Duration head, Duration body) {
        positive(head, "head");
        positive(body, "body");
        deadlines = new Duration[] {head, body};
    }

    public HttpLimits withTimeouts(Duration head, Duration body) {
        return new HttpLimits(
                head, body, idleTimeout, maxConnections, maxConnectionsPerClient, maxBodyBytes, workers, queue);
    }

    public HttpLimits withConnections(int total, int perClient) {
        return new HttpLimits(headTimeout, bodyTimeout, idleTimeout, total, perClient, maxBodyBytes, workers, queue);
    }

    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(
                headTimeout, bodyTimeout, idleTimeout, maxConnections, maxConnectionsPerClient, bytes, workers, queue);
    }

    public HttpLimits withWorkers(int threads, int waiting) {
        return new HttpLimits(
                headTimeout,
                bodyTimeout,
                idleTimeout,
                maxConnections,
                maxConnectionsPerClient,
                maxBodyBytes,
                threads,
                waiting);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
