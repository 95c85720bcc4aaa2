package io.runbookbot.fakes;

import io.runbookbot.alert.DelayScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link DelayScheduler} whose time stands still until a test moves it: {@link #advance} runs the
 * tasks that fall due, in time order, each with the clock set to its due time. Single-threaded.
 */
public final class FakeScheduler implements DelayScheduler {
    private record Task(Instant due, long seq, Runnable run) {}

    private final MutableClock clock = new MutableClock();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) ->
            a.due().equals(b.due()) ? Long.compare(a.seq(), b.seq()) : a.due().compareTo(b.due()));
    private long seq;

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(now().plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task));
    }

    /** Moves time forward by {@code d}, running every task due by then (also those they schedule). */
    public void advance(Duration d) {
        Instant end = now().plus(d);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due().isAfter(end)) {
                    break;
                }
                tasks.poll();
            }
            clock.advance(Duration.between(now(), next.due()));
            next.run().run();
        }
        clock.advance(Duration.between(now(), end));
    }

    /** Runs what is due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Time since {@link MutableClock#START}. */
    public Duration elapsed() {
        return Duration.between(MutableClock.START, now());
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
