package io.runbookbot.core;

/** An expected condition whose message is written for the user and shown as is. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
