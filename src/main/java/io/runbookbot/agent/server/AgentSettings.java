package io.runbookbot.agent.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent's HTTP server runs.
 *
 * @param listen        address and port to bind (port 0 picks a free one)
 * @param agentName     this agent's name in audit lines (the host name by default)
 * @param maxConcurrent commands running at once; also sizes the HTTP thread pool
 * @param queueWait     how long a run may wait for a slot (the runner's bound); a request that waited
 *                      over this plus a second for an HTTP worker gets 429 instead of running late
 * @param maxBodyBytes  larger request bodies get 413
 * @param shutdownGrace how long shutdown waits for requests in flight
 */
public record AgentSettings(
        InetSocketAddress listen,
        String agentName,
        int maxConcurrent,
        Duration queueWait,
        int maxBodyBytes,
        Duration shutdownGrace) {
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public AgentSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(agentName, "agentName");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        Objects.requireNonNull(queueWait, "queueWait");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    public static AgentSettings of(InetSocketAddress listen, String agentName, int maxConcurrent, Duration queueWait) {
        return new AgentSettings(
                listen, agentName, maxConcurrent, queueWait, DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_GRACE);
    }
}
