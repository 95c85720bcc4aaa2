package io.runbookbot.diagnostics;

import java.util.Objects;

/**
 * What {@link Policy} decided.
 *
 * @param allowed true when the caller may run the command
 * @param reason  for a denial, a sentence written for the user, shown as is; for an allowance,
 *                what granted it ("role sre (allowlist access)"), for the audit log
 */
public record PolicyDecision(boolean allowed, String reason) {
    public PolicyDecision {
        Objects.requireNonNull(reason, "reason");
    }

    static PolicyDecision allow(String grant) {
        return new PolicyDecision(true, grant);
    }

    static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, reason);
    }
}
