package io.runbookbot.core;

import java.util.Map;
import java.util.Objects;

/**
 * What happened when someone asked to run a diagnostic. Output is capped and redacted.
 *
 * @param outcome           what happened
 * @param message           a sentence for the person who asked (the refusal reason, or a summary)
 * @param commandId         the allowlist id asked for
 * @param agent             the agent it ran on ({@value Diagnostics#LOCAL} for this host)
 * @param params            the parameters as given
 * @param exitCode          the exit code when it ran, else -1
 * @param stdout            standard output when it ran, else ""
 * @param stderr            standard error when it ran, else ""
 * @param truncated         true when output was cut at the entry's cap
 * @param timedOut          true when it was killed at the entry's timeout
 * @param durationMillis    wall time of the run, 0 when nothing ran
 * @param confirmationToken for {@link Outcome#NEEDS_CONFIRMATION}: the token the same person
 *                          confirms with within five minutes; else ""
 */
public record DiagnosticReport(Outcome outcome, String message, String commandId, String agent,
                               Map<String, String> params, int exitCode, String stdout, String stderr,
                               boolean truncated, boolean timedOut, long durationMillis, String confirmationToken) {

    /** What happened to a diagnostic request. */
    public enum Outcome {
        /** It ran (whatever its exit code). */
        COMPLETED,
        /** It changes something: the asker must confirm it first. */
        NEEDS_CONFIRMATION,
        /** The asker may not run it here. */
        DENIED,
        /** Unknown command or agent, or parameters that failed validation: nothing ran. */
        INVALID,
        /** The asker ran too many diagnostics lately. */
        RATE_LIMITED,
        /** The agent is down, slow, busy or refused: nothing (or nothing known) ran. */
        UNAVAILABLE
    }

    public DiagnosticReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(agent, "agent");
        params = Map.copyOf(params);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(confirmationToken, "confirmationToken");
    }

    /** A report of a request that did not run. */
    public static DiagnosticReport refused(Outcome outcome, String message, DiagnosticCall call) {
        return new DiagnosticReport(outcome, message, call.commandId(), call.agent(), call.params(), -1, "", "",
                false, false, 0, "");
    }

    public boolean ran() {
        return outcome == Outcome.COMPLETED;
    }
}
