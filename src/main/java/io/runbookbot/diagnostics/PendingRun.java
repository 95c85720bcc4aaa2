package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A run that waits for its requester's confirmation.
 *
 * @param token     the confirmation token (unguessable; put it in the confirm button)
 * @param caller    who asked, and the only one who may confirm
 * @param spec      the allowlist entry to run
 * @param agent     where it runs: an agent name, or {@code local}
 * @param params    the parameter values, as requested
 * @param expiresAt the last instant at which a confirmation is accepted
 */
public record PendingRun(
        String token, Caller caller, CommandSpec spec, String agent, Map<String, String> params, Instant expiresAt) {
    public PendingRun {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(agent, "agent");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
