package io.runbookbot.diagnostics;

import io.runbookbot.agent.protocol.ErrorResponse;
import io.runbookbot.agent.protocol.ResponseFailure;
import io.runbookbot.diagnostics.AgentException.Kind;
import java.io.IOException;

/** The user-facing messages for failed agent calls, one per kind of failure. */
final class AgentFailures {
    private AgentFailures() {}

    static AgentException unreachable(AgentEntry agent, IOException cause) {
        return new AgentException(
                agent.name(),
                Kind.UNREACHABLE,
                "agent " + agent.name() + " at " + agent.url()
                        + " is not reachable (connection refused); is `runbook-bot agent` running there?",
                cause);
    }

    static AgentException connectionLost(AgentEntry agent, IOException cause) {
        return new AgentException(
                agent.name(),
                Kind.UNREACHABLE,
                "agent " + agent.name() + " at " + agent.url() + " closed the connection before answering",
                cause);
    }

    static AgentException malformed(AgentEntry agent, int status, Exception cause) {
        return new AgentException(
                agent.name(),
                Kind.MALFORMED,
                "agent " + agent.name() + " at " + agent.url() + " sent a malformed response (HTTP " + status
                        + "); is it a runbook-bot agent of this version?",
                cause);
    }

    /** An answer whose signature is missing or wrong: nothing of it is shown. */
    static AgentException untrusted(AgentEntry agent, int status, ResponseFailure failure) {
        String hint = failure == ResponseFailure.UNSIGNED
                ? " (agents older than protocol v2 do not sign answers: run the same runbook-bot version there)"
                : "";
        return new AgentException(
                agent.name(),
                Kind.UNVERIFIED,
                "agent " + agent.name() + " at " + agent.url()
                        + ": its answer (HTTP " + status + ") was refused because " + failure.reason() + hint
                        + ". Nothing of it is shown; the command may have run there (see the agent's audit log).");
    }

    /** A non-200 answer; the agent's own reason is passed through (it never holds secrets). */
    static AgentException fromStatus(AgentEntry agent, int status, ErrorResponse error) {
        String name = agent.name();
        String said = error.reason().isBlank() ? "HTTP " + status : error.reason();
        if (status == 401) {
            return new AgentException(
                    name,
                    Kind.UNAUTHORIZED,
                    "agent " + name + " rejected our signature: check its secret (agent said: " + said + ")");
        }
        if (status == 429) {
            return new AgentException(name, Kind.BUSY, "agent " + name + " is busy: " + said + "; try again shortly");
        }
        if (status == 404 && "unknown_command".equals(error.error())) {
            return new AgentException(name, Kind.UNKNOWN_COMMAND, "agent " + name + ": " + said);
        }
        if (status >= 500) {
            return new AgentException(name, Kind.INTERNAL, "agent " + name + " failed: " + said);
        }
        if (status >= 400 && !error.error().isEmpty()) {
            return new AgentException(name, Kind.INVALID, "agent " + name + " refused the request: " + said);
        }
        return new AgentException(
                name,
                Kind.MALFORMED,
                "agent " + name + " at " + agent.url() + " answered HTTP " + status
                        + " without a protocol error; is it a runbook-bot agent?");
    }
}
