package io.runbookbot.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A thread-safe, append-only record of what a fake received, with bounded waits for the calls a
 * test expects. Every wait has a timeout and fails with the calls that did arrive.
 *
 * @param <T> the recorded item, such as a {@link RecordedRequest} or a JSON frame
 */
public final class CallLog<T> {

    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    /** A snapshot of everything recorded so far, in arrival order. */
    public synchronized List<T> all() {
        return List.copyOf(items);
    }

    /** The recorded items that match, in arrival order. */
    public synchronized List<T> matching(Predicate<? super T> predicate) {
        return items.stream().filter(predicate).collect(Collectors.toUnmodifiableList());
    }

    /** Waits until an item matches, and returns the first one that does. */
    public T await(Predicate<? super T> predicate, Duration timeout) {
        return awaitCount(predicate, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} items match, and returns all that match. */
    public synchronized List<T> awaitCount(Predicate<? super T> predicate, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> found = matching(predicate);
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected "
                        + count
                        + " matching item(s) within "
                        + timeout
                        + ", found "
                        + found.size()
                        + "; recorded: "
                        + items);
            }
            waitNanos(left);
            found = matching(predicate);
        }
        return found;
    }

    /**
     * Waits the whole {@code quiet} period and fails if any item matches by then: the check for "the
     * bot stayed silent". It is the only wait here that always takes its full duration.
     */
    public synchronized void assertNoneWithin(Predicate<? super T> predicate, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        for (long left = quiet.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            if (!matching(predicate).isEmpty()) {
                break;
            }
            waitNanos(left);
        }
        List<T> found = matching(predicate);
        if (!found.isEmpty()) {
            throw new AssertionError("expected no matching item within " + quiet + ", found " + found);
        }
    }

    private void waitNanos(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
