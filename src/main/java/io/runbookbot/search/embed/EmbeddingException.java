package io.runbookbot.search.embed;

/** The embedding model could not give usable vectors; the message says why, for a log or a notice. */
public final class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
