package io.runbookbot.core;

import java.util.Map;
import java.util.Objects;

/**
 * A request to run an allowlisted diagnostic.
 *
 * @param agent     the agent to run it on, or {@value Diagnostics#LOCAL} for this host
 * @param commandId the allowlist id
 * @param params    parameter name to raw value (validated before anything runs)
 */
public record DiagnosticCall(String agent, String commandId, Map<String, String> params) {
    public DiagnosticCall {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(commandId, "commandId");
        params = Map.copyOf(params);
    }
}
