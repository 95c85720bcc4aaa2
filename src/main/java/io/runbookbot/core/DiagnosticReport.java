package io.runbookbot.core;

import java.util.Map;
import java.util.Objects;

/**
 * What happened when someone asked to run a diagnostic: it {@link Ran ran}, was {@link Refused
 * refused}, or {@link NeedsConfirmation needs confirmation}. Output is capped and redacted.
 * Consumers render it with a {@link Visitor}, so a new kind of report does not compile until every
 * consumer handles it.
 */
public sealed interface DiagnosticReport {

    /** A sentence for the person who asked (the refusal reason, or a summary). */
    String message();

    /** What was asked for: the allowlist id, the agent ({@value Diagnostics#LOCAL} for this host), the parameters. */
    DiagnosticCall call();

    /** The same report as one word, for metrics and logs. */
    Outcome outcome();

    <R> R accept(Visitor<R> visitor);

    default String commandId() {
        return call().commandId();
    }

    default String agent() {
        return call().agent();
    }

    default Map<String, String> params() {
        return call().params();
    }

    /** One method per kind of report. */
    interface Visitor<R> {
        R ran(Ran ran);

        R refused(Refused refused);

        R needsConfirmation(NeedsConfirmation pending);
    }

    /** A report as one word (the label of {@code runbookbot_diagnostics_runs_total}). */
    enum Outcome {
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

    /**
     * It ran, whatever its exit code.
     *
     * @param exitCode       the process's exit code
     * @param stdout         standard output, redacted and capped
     * @param stderr         standard error, redacted and capped
     * @param truncated      true when output was cut at the entry's cap
     * @param timedOut       true when it was killed at the entry's timeout
     * @param durationMillis wall time of the run
     */
    record Ran(
            String message,
            DiagnosticCall call,
            int exitCode,
            String stdout,
            String stderr,
            boolean truncated,
            boolean timedOut,
            long durationMillis)
            implements DiagnosticReport {
        public Ran {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
        }

        @Override
        public Outcome outcome() {
            return Outcome.COMPLETED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ran(this);
        }
    }

    /** Nothing ran, for {@code reason}; {@code message} says why. */
    record Refused(Reason reason, String message, DiagnosticCall call) implements DiagnosticReport {
        /** Why nothing ran. */
        public enum Reason {
            /** The asker may not run it here. */
            DENIED,
            /** Unknown command or agent, or parameters that failed validation. */
            INVALID,
            /** The asker ran too many diagnostics lately. */
            RATE_LIMITED,
            /** The agent is down, slow, busy or refused, or the audit log cannot be written. */
            UNAVAILABLE
        }

        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(call, "call");
        }

        @Override
        public Outcome outcome() {
            return switch (reason) {
                case DENIED -> Outcome.DENIED;
                case INVALID -> Outcome.INVALID;
                case RATE_LIMITED -> Outcome.RATE_LIMITED;
                case UNAVAILABLE -> Outcome.UNAVAILABLE;
            };
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }

    /**
     * It changes something: the person who asked confirms with {@code token} within the confirmation window.
     */
    record NeedsConfirmation(String message, DiagnosticCall call, String token) implements DiagnosticReport {
        public NeedsConfirmation {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Outcome outcome() {
            return Outcome.NEEDS_CONFIRMATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.needsConfirmation(this);
        }
    }
}
