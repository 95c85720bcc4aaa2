package io.runbookbot.fakes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Holds back a fake's answer to the first request that matches, after the fake has acted on it (the
 * message is stored, as the platform would have it): the moment between a platform taking a post and
 * the bot hearing of it, made long enough for a test to kill the bot in. The held answer goes out on
 * {@link #release()}, when the fake closes, or after a minute.
 */
public final class AnswerHold {
    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final Predicate<RecordedRequest> matching;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    AnswerHold(Predicate<RecordedRequest> matching) {
        this.matching = matching;
    }

    /** Called by the fake once it has acted on {@code request}: blocks if this is the request to hold. */
    void holdIfMatching(RecordedRequest request) {
        if (!matching.test(request) || !taken.compareAndSet(false, true)) {
            return;
        }
        held.countDown();
        try {
            released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a request is being held: the platform has taken it, the bot has no answer yet. */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no matching request to hold within " + timeout);
        }
    }

    /** Lets the held answer go out (to a client that may be gone by then). */
    public void release() {
        released.countDown();
    }
}
