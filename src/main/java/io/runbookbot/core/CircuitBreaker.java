package io.runbookbot.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Guards an optional dependency behind a port (an Ollama model): after a failure it stays open for
 * a cool-down so that every question does not wait for a dead server; the first call after the
 * cool-down tries again. Thread-safe.
 */
public final class CircuitBreaker {
    private final Duration cooldown;
    private final Clock clock;
    private Instant closedAt = Instant.MIN;

    public CircuitBreaker(Duration cooldown, Clock clock) {
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** True when calls may go through. */
    public synchronized boolean allows() {
        return !clock.instant().isBefore(closedAt);
    }

    /** Opens the breaker for the cool-down; true when it was closed before (log the first failure only). */
    public synchronized boolean trip() {
        boolean wasClosed = allows();
        closedAt = clock.instant().plus(cooldown);
        return wasClosed;
    }

    public Duration cooldown() {
        return cooldown;
    }
}
