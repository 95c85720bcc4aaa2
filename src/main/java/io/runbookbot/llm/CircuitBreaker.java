package io.runbookbot.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * After a failure, stays open for a cool-down so that every question does not wait for a dead
 * model; the first call after the cool-down tries again. Thread-safe.
 */
final class CircuitBreaker {
    private final Duration cooldown;
    private final Clock clock;
    private Instant closedAt = Instant.MIN;

    CircuitBreaker(Duration cooldown, Clock clock) {
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** True when calls may go through. */
    synchronized boolean allows() {
        return !clock.instant().isBefore(closedAt);
    }

    /** Opens the breaker for the cool-down; true when it was closed before (log the first failure only). */
    synchronized boolean trip() {
        boolean wasClosed = allows();
        closedAt = clock.instant().plus(cooldown);
        return wasClosed;
    }

    Duration cooldown() {
        return cooldown;
    }
}
