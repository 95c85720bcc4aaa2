package io.runbookbot.llm;

import io.runbookbot.core.UserFacingException;

/** The investigating model could not be reached or did not answer usefully; the message says so. */
public final class ModelUnavailableException extends UserFacingException {
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
