package io.runbookbot.app;

import io.runbookbot.core.UserFacingException;

/** A setting is missing or malformed; the message names the variable and never echoes a secret. */
public final class ConfigException extends UserFacingException {
    ConfigException(String message) {
        super(message);
    }
}
