package io.runbookbot.agent.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One allowlisted command as {@code GET /v1/commands} lists it.
 *
 * @param params   parameter names with a short human description of what is accepted
 *                 (e.g. "port: integer 1-65535")
 * @param readOnly false for commands that change something (these need confirmation)
 */
public record CommandDescription(
        String id, String description, List<String> params, boolean readOnly, long timeoutSeconds) {
    public CommandDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
    }
}
