package io.runbookbot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The time and the deferred calls {@link ChatPacer} uses: real ones in the bot, a fake in tests. */
public interface DelayScheduler {
    Instant now();

    /** Runs {@code task} once, {@code delay} from now (at once when zero). */
    void schedule(Duration delay, Runnable task);

    static DelayScheduler of(ScheduledExecutorService executor, Clock clock) {
        return new DelayScheduler() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
                executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            }
        };
    }
}
