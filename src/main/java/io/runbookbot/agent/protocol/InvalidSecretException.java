package io.runbookbot.agent.protocol;

/**
 * The shared secret is missing, too short or stored unsafely. The message says where it was looked
 * for and how to fix it; it never contains the secret.
 */
public final class InvalidSecretException extends RuntimeException {
    public InvalidSecretException(String message) {
        super(message);
    }

    public InvalidSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
