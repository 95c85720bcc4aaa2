package io.runbookbot.agent.protocol;

/** A request or response body that is not the JSON shape the protocol expects. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
