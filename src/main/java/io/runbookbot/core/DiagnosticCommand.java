package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * An allowlisted diagnostic as people see it in listings.
 *
 * @param params   each parameter with what it accepts ("port: integer 1-65535")
 * @param readOnly false when it changes something (it then needs confirmation)
 */
public record DiagnosticCommand(String id, String description, List<String> params, boolean readOnly) {
    public DiagnosticCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
    }
}
