package io.runbookbot.llm;

/** A prompt template that cannot be used: missing, unreadable, empty, or with an unknown placeholder. */
public final class PromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PromptException(String message) {
        super(message);
    }
}
