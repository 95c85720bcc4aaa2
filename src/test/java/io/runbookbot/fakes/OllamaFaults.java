package io.runbookbot.fakes;

import io.runbookbot.fakes.FakeHttpServer.Reply;
import io.runbookbot.fakes.FakeOllama.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The faults injected into a {@link FakeOllama}: one standing fault and a queue of one-shot faults
 * that go first, and what a fault makes of an answer.
 */
final class OllamaFaults {
    private final Deque<Fault> once = new ArrayDeque<>();
    private volatile @Nullable Fault standing;

    /** Applies a fault to every request from now on, until {@link #clear()}. */
    void always(Fault fault) {
        standing = fault;
    }

    /** Applies a fault to the next {@code times} requests only. */
    void next(Fault fault, int times) {
        synchronized (once) {
            for (int i = 0; i < times; i++) {
                once.add(fault);
            }
        }
    }

    void clear() {
        standing = null;
        synchronized (once) {
            once.clear();
        }
    }

    /** The fault for the request now arriving: a one-shot fault first, else the standing one. */
    @Nullable
    Fault take() {
        synchronized (once) {
            Fault fault = once.poll();
            if (fault != null) {
                return fault;
            }
        }
        return standing;
    }

    /**
     * What a fault makes of the answer, after its delay: an error, a truncated body, or (empty) the
     * normal answer.
     */
    static Optional<Reply> apply(Fault fault) {
        if (fault.delay().compareTo(Duration.ZERO) > 0) {
            sleep(fault.delay());
        }
        if (fault.status() != 0) {
            return Optional.of(OllamaWire.error(fault.status(), "fake ollama: injected HTTP " + fault.status()));
        }
        if (fault.malformed()) {
            return Optional.of(OllamaWire.truncated());
        }
        return Optional.empty();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
