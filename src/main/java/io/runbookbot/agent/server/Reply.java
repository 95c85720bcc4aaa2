package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.ErrorResponse;
import java.util.Objects;

/** A status and the protocol record to send as its JSON body. */
record Reply(int status, Object body) {
    Reply {
        Objects.requireNonNull(body, "body");
    }

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String code, String reason) {
        return new Reply(status, new ErrorResponse(code, reason));
    }

    /** The fixed 500 answer: a sentence and the incident id, never the exception text. */
    static Reply internal(String incident) {
        return error(
                500,
                "internal",
                "internal error in the agent; incident " + incident + " (the agent's log has the details)");
    }
}
