package io.runbookbot.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call to a {@link ChannelPoster} came to: posted; rate limited (HTTP 429) with the wait
 * the platform asked for ({@code Retry-After}), for this channel or for all of them; unavailable for now (a 5xx, a timeout, a refused
 * connection: worth trying again later); or rejected for good (an unknown channel, a bad token:
 * trying again cannot help).
 */
public record PostAttempt(Kind kind, Duration retryAfter, String detail) {
    public enum Kind {
        POSTED,
        RATE_LIMITED,
        /** Every channel must wait (Discord's global limit, a Slack app-wide 429). */
        GLOBALLY_RATE_LIMITED,
        UNAVAILABLE,
        REJECTED
    }

    public PostAttempt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(detail, "detail");
        if (retryAfter.isNegative()) {
            retryAfter = Duration.ZERO;
        }
    }

    public static PostAttempt posted() {
        return new PostAttempt(Kind.POSTED, Duration.ZERO, "");
    }

    public static PostAttempt rateLimited(Duration retryAfter) {
        return new PostAttempt(Kind.RATE_LIMITED, retryAfter, "rate limited");
    }

    public static PostAttempt rateLimitedEverywhere(Duration retryAfter) {
        return new PostAttempt(Kind.GLOBALLY_RATE_LIMITED, retryAfter, "rate limited on every channel");
    }

    public static PostAttempt unavailable(String detail) {
        return new PostAttempt(Kind.UNAVAILABLE, Duration.ZERO, detail);
    }

    public static PostAttempt rejected(String detail) {
        return new PostAttempt(Kind.REJECTED, Duration.ZERO, detail);
    }
}
