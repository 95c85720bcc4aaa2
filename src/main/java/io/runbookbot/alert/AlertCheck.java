package io.runbookbot.alert;

import io.runbookbot.core.DiagnosticSuggestion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A diagnostic suggested for an alert's section, its parameters prefilled from the alert's labels.
 *
 * @param suggestion the diagnostic, with the label values in place of the runbook's examples
 * @param prefilled  which parameter came from which label ({@code host -> instance}), in parameter order
 * @param refused    label values that failed the parameter's check and were not used, with the
 *                   check's reason (the runbook's value, if any, stays)
 */
public record AlertCheck(DiagnosticSuggestion suggestion, Map<String, String> prefilled, List<String> refused) {
    public AlertCheck {
        Objects.requireNonNull(suggestion, "suggestion");
        prefilled = Collections.unmodifiableMap(new LinkedHashMap<>(prefilled));
        refused = List.copyOf(refused);
    }
}
