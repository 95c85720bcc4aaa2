package io.runbookbot.agent.protocol;

import java.util.Objects;

/**
 * Body of {@code GET /v1/health}, which needs no signature and so tells nothing but liveness and
 * how many commands the agent's allowlist has.
 */
public record HealthStatus(String status, int commands) {
    public HealthStatus {
        Objects.requireNonNull(status, "status");
    }

    public static HealthStatus ok(int commands) {
        return new HealthStatus("ok", commands);
    }
}
