package io.runbookbot.core.alert;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A post, update or note the platform did not take. {@link #retryAfter()} is the wait the platform
 * asked for (Slack's and Discord's 429); a refusal that no retry can change is not retryable.
 */
public final class AlertDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;
    private final boolean retryable;

    private AlertDeliveryException(
            String message, @Nullable Throwable cause, @Nullable Duration retryAfter, boolean retryable) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /** The platform is rate limiting: try again after {@code wait}. */
    public static AlertDeliveryException rateLimited(String message, Duration wait) {
        return new AlertDeliveryException(message, null, wait, true);
    }

    /** The platform could not be reached or failed on its side: worth retrying later. */
    public static AlertDeliveryException unavailable(String message, @Nullable Throwable cause) {
        return new AlertDeliveryException(message, cause, null, true);
    }

    /** The platform refused the message itself (unknown channel, not in channel, bad payload). */
    public static AlertDeliveryException refused(String message) {
        return new AlertDeliveryException(message, null, null, false);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return retryable;
    }
}
