package io.runbookbot.diagnostics;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a confirmation: the run to go ahead with, or why not.
 *
 * @param pending the confirmed run; empty when refused
 * @param reason  why it was refused, written for the user; empty when confirmed
 */
public record ConfirmationResult(Optional<PendingRun> pending, String reason) {
    public ConfirmationResult {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(reason, "reason");
    }

    static ConfirmationResult confirmed(PendingRun run) {
        return new ConfirmationResult(Optional.of(run), "");
    }

    static ConfirmationResult refused(String reason) {
        return new ConfirmationResult(Optional.empty(), reason);
    }

    public boolean confirmed() {
        return pending.isPresent();
    }
}
