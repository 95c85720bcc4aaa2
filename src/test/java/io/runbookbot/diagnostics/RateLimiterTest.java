package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.Caller;
import io.runbookbot.fakes.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = RateLimiter.perMinute(10, clock);

    private long acquired(String user, int attempts) {
        return IntStream.range(0, attempts)
                .filter(i -> limiter.tryAcquire(user))
                .count();
    }

    @Test
    void forgetsUsersWhoseRunsLeftTheWindow() {
        IntStream.range(0, 1000).forEach(i -> limiter.tryAcquire("U" + i));
        assertThat(limiter.trackedUsers()).isEqualTo(1000);

        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("late");

        assertThat(limiter.trackedUsers()).isEqualTo(1);
    }

    @Test
    void allowsTenRunsAMinuteAndRefusesTheEleventh() {
        assertThat(acquired("U1", 10)).isEqualTo(10);

        assertThat(limiter.tryAcquire("U1")).isFalse();
        assertThat(limiter.waitTime("U1")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void allowsAgainExactlyOneWindowAfterTheOldestRun() {
        acquired("U1", 10);
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertThat(limiter.tryAcquire("U1")).isFalse();
        assertThat(limiter.waitTime("U1")).isEqualTo(Duration.ofMillis(1));

        clock.advance(Duration.ofMillis(1));

        assertThat(limiter.waitTime("U1")).isEqualTo(Duration.ZERO);
        assertThat(acquired("U1", 11)).isEqualTo(10);
    }

    @Test
    void slidesTheWindowRunByRun() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("U1")).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.tryAcquire("U1")).isFalse();
        assertThat(limiter.waitTime("U1")).isEqualTo(Duration.ofSeconds(50));

        clock.advance(Duration.ofSeconds(50));

        assertThat(limiter.tryAcquire("U1")).isTrue();
        assertThat(limiter.tryAcquire("U1")).isFalse();
        assertThat(limiter.waitTime("U1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusedAttemptsDoNotCount() {
        acquired("U1", 25);
        clock.advance(Duration.ofMinutes(1));

        assertThat(acquired("U1", 12)).isEqualTo(10);
    }

    @Test
    void limitsEachUserSeparately() {
        acquired("U1", 10);

        assertThat(limiter.tryAcquire("U2")).isTrue();
        assertThat(limiter.waitTime("U2")).isEqualTo(Duration.ZERO);
    }

    @Test
    void keysCallersByPlatformAndUserId() {
        Caller onSlack = new Caller("slack", "U1", List.of(), "C1");
        Caller onDiscord = new Caller("discord", "U1", List.of(), "C1");
        IntStream.range(0, 10).forEach(i -> limiter.tryAcquire(onSlack));

        assertThat(limiter.tryAcquire(onSlack)).isFalse();
        assertThat(limiter.tryAcquire(onDiscord)).isTrue();
        assertThat(limiter.waitTime(onSlack)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void tellsTheUserHowLongToWaitRoundedUpToASecond() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("U1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.refusal("U1"))
                .isEqualTo("You have run 10 diagnostics in the last 1 minute: try again in 50 seconds.");

        clock.advance(Duration.ofSeconds(49).plusMillis(1));

        assertThat(limiter.refusal("U1"))
                .isEqualTo("You have run 10 diagnostics in the last 1 minute: try again in 1 second.");
    }

    @Test
    void refusesALimitBelowOneRun() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permits must be at least 1: 0");
    }
}
