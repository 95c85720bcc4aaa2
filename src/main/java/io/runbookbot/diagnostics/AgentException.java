package io.runbookbot.diagnostics;

import io.runbookbot.core.UserFacingException;
import java.util.Objects;

/** A call to an agent that did not give a result; the message is written for the person who asked. */
public final class AgentException extends UserFacingException {

    /** What went wrong, for callers that react differently (retry, audit decision). */
    public enum Kind {
        /** Connection refused or no route: nothing is listening. */
        UNREACHABLE,
        /** No connection or no answer in time. */
        TIMEOUT,
        /** 401: the agent does not accept our signature. */
        UNAUTHORIZED,
        /** 404 unknown_command: the agent's allowlist does not have the command. */
        UNKNOWN_COMMAND,
        /** 400/405/413/415: the agent refused the request as given. */
        INVALID,
        /** 429: the agent's concurrency limit is full. */
        BUSY,
        /** 5xx: the agent failed; the message carries its incident id. */
        INTERNAL,
        /** Not a protocol answer at all. */
        MALFORMED,
        /** The answer's signature is missing or wrong: altered or replayed on the way, or another secret. */
        UNVERIFIED
    }

    private final String agent;
    private final Kind kind;

    public AgentException(String agent, Kind kind, String message) {
        super(message);
        this.agent = Objects.requireNonNull(agent, "agent");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public AgentException(String agent, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.agent = Objects.requireNonNull(agent, "agent");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String agent() {
        return agent;
    }

    public Kind kind() {
        return kind;
    }
}
