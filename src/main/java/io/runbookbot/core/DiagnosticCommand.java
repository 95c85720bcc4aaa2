package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * An allowlisted diagnostic as people see it in listings.
 *
 * @param params   each parameter with what it accepts
 * @param readOnly false when it changes something (it then needs confirmation)
 */
public record DiagnosticCommand(String id, String description, List<DiagnosticParam> params, boolean readOnly) {
    public DiagnosticCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
    }

    /** Each parameter as listings show it: "port: integer 1-65535". */
    public List<String> paramLines() {
        return params.stream().map(DiagnosticParam::line).toList();
    }
}
