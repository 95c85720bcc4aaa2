package io.runbookbot.slack;

import org.jspecify.annotations.Nullable;

/** The Slack front end cannot start; the message names the real cause and never a token. */
public final class SlackStartException extends RuntimeException {
    SlackStartException(String message) {
        super(message);
    }

    SlackStartException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
