package io.runbookbot.agent.protocol;

/** Why the bot does not trust an agent's answer (see {@link ResponseVerifier}). */
public enum ResponseFailure {
    UNSIGNED("the answer is not signed"),
    MALFORMED_HEADERS("the answer's signature headers are malformed"),
    STALE_TIMESTAMP("the answer's timestamp is outside the allowed clock skew"),
    BAD_SIGNATURE("the answer's signature does not match: it was altered on the way, is a recorded answer to"
            + " another request, or the agent uses another secret");

    private final String reason;

    ResponseFailure(String reason) {
        this.reason = reason;
    }

    /** A sentence for the person who asked; it names no secret material. */
    public String reason() {
        return reason;
    }
}
