package io.runbookbot.alert;

/**
 * A webhook body that is not a notification the bot accepts. The message says what is wrong and
 * where ({@code alerts[3].labels.severity: must be a string, got a number}) for the sender to act
 * on: it becomes the body of the 400 answer. It never quotes the payload's values.
 */
public final class AlertPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public AlertPayloadException(String reason) {
        super(reason);
    }

    public AlertPayloadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
