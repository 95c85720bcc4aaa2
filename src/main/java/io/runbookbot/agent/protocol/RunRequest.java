package io.runbookbot.agent.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /v1/run}: run allowlisted command {@code id} with these parameters.
 *
 * @param id     the allowlist entry id
 * @param params parameter name to raw value, validated by the agent against its own allowlist
 * @param caller who asked (for the agent's audit log only; it grants nothing)
 */
public record RunRequest(String id, Map<String, String> params, String caller) {
    public RunRequest {
        Objects.requireNonNull(id, "id");
        params = Map.copyOf(params);
        Objects.requireNonNull(caller, "caller");
    }
}
