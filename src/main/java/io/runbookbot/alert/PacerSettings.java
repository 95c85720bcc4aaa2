package io.runbookbot.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ChatPacer} spaces and retries posts.
 *
 * @param interval the least time between two posts to one channel (Slack: about 1 message per second)
 * @param firstBackoff the wait after the first failure; it doubles after each further one
 * @param maxBackoff the longest wait between two attempts (Retry-After excepted)
 * @param giveUpAfter how long after its first attempt a message is given up if still not posted
 * @param maxQueued messages waiting per channel; one more is given up at once
 */
public record PacerSettings(
        Duration interval, Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter, int maxQueued) {

    public static final PacerSettings DEFAULTS = new PacerSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 1000);

    public PacerSettings {
        positive(interval, "interval");
        positive(firstBackoff, "firstBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(giveUpAfter, "giveUpAfter");
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least firstBackoff");
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be at least 1, got " + maxQueued);
        }
    }

    private static void positive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** The wait after {@code failures} failures in a row (1, 2, ...): doubling, at most maxBackoff. */
    Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
