package io.runbookbot.diagnostics;

import io.runbookbot.core.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A per-user limit on runs: at most {@code permits} in any sliding {@code window} (e.g. 10 a
 * minute). A run counts from the instant it was allowed and stops counting exactly one window
 * later. Refused attempts do not count. Thread-safe; the clock is injected for tests.
 */
public final class RateLimiter {
    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> runs = new HashMap<>();
    private Instant lastSweep;

    public RateLimiter(int permits, Duration window, Clock clock) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.permits = permits;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastSweep = clock.instant();
    }

    /** {@code permits} runs a minute per user. */
    public static RateLimiter perMinute(int permits, Clock clock) {
        return new RateLimiter(permits, Duration.ofMinutes(1), clock);
    }

    /** Counts a run for {@code userId} and returns true, or returns false when over the limit. */
    public synchronized boolean tryAcquire(String userId) {
        Objects.requireNonNull(userId, "userId");
        Instant now = clock.instant();
        sweep(now);
        Deque<Instant> recent = recent(userId, now);
        if (recent.size() >= permits) {
            return false;
        }
        recent.addLast(now);
        runs.put(userId, recent);
        return true;
    }

    /** The same, for a caller: the key is {@link Caller#qualifiedUserId()}. */
    public boolean tryAcquire(Caller caller) {
        return tryAcquire(Objects.requireNonNull(caller, "caller").qualifiedUserId());
    }

    /** How long until {@code userId} may run again: zero when a run would be allowed now. */
    public synchronized Duration waitTime(String userId) {
        Objects.requireNonNull(userId, "userId");
        Instant now = clock.instant();
        Deque<Instant> recent = recent(userId, now);
        if (recent.size() < permits) {
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(window));
    }

    public Duration waitTime(Caller caller) {
        return waitTime(Objects.requireNonNull(caller, "caller").qualifiedUserId());
    }

    /**
     * The refusal for the user, with the wait rounded up to a second: "You have run 10
     * diagnostics in the last 1 minute: try again in 12 seconds."
     */
    public String refusal(String userId) {
        return "You have run " + permits + " diagnostics in the last " + DurationText.describe(window)
                + ": try again in " + DurationText.roundUp(waitTime(userId)) + ".";
    }

    /** Users with runs remembered; those with none inside the window are forgotten at the next sweep. */
    synchronized int trackedUsers() {
        return runs.size();
    }

    /** The runs of {@code userId} still inside the window ending now. */
    private Deque<Instant> recent(String userId, Instant now) {
        Deque<Instant> recent = runs.getOrDefault(userId, new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        return recent;
    }

    /** Forgets users with no run inside the window, at most once a window. */
    private void sweep(Instant now) {
        if (now.isBefore(lastSweep.plus(window))) {
            return;
        }
        runs.values().removeIf(d -> d.isEmpty() || !d.peekLast().plus(window).isAfter(now));
        lastSweep = now;
    }
}
