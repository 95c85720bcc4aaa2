package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryingFrontEndTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aFrontEndThatStartsIsReturnedAsIs() {
        FrontEnd slack = stub(new AtomicBoolean());

        assertThat(RetryingFrontEnd.start("slack", "Slack", () -> slack, HOUR, HOUR))
                .isSameAs(slack);
    }

    @Test
    void whileItCannotStartItIsNotReadyAndNamesTheCause() {
        FrontEnd failing = RetryingFrontEnd.start("slack", "Slack", unknownHost(), HOUR, HOUR);
        try {
            assertThat(failing.ready()).isFalse();
            assertThat(failing.startFailure())
                    .contains(
                            "cannot reach the Slack API (cause: UnknownHostException: slack.invalid) (retrying in the background)");
        } finally {
            failing.close();
        }
    }

    @Test
    void startsAgainInTheBackgroundUntilItStartsThenServesAndClosesTheStartedOne() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        FrontEnd started = stub(closed);
        Supplier<FrontEnd> flaky =
                () -> attempts.incrementAndGet() < 3 ? unknownHost().get() : started;

        FrontEnd slack = RetryingFrontEnd.start("slack", "Slack", flaky, Duration.ofMillis(10), Duration.ofMillis(20));

        await(slack::ready);
        assertThat(attempts).hasValue(3);
        assertThat(slack.startFailure()).isEmpty();
        slack.close();
        assertThat(closed).isTrue();
    }

    private static Supplier<FrontEnd> unknownHost() {
        return () -> {
            throw new IllegalStateException("cannot reach the Slack API", new UnknownHostException("slack.invalid"));
        };
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static FrontEnd stub(AtomicBoolean closed) {
        return new FrontEnd() {
            @Override
            public String name() {
                return "slack";
            }

            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }
}
