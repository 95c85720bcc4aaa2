package io.runbookbot.core.alert;

import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.chat.ReadableSection;
import java.util.List;
import java.util.Objects;

/**
 * The runbook section an alert's post shows, and the checks it suggests.
 *
 * @param section   the section, verbatim and redacted
 * @param readable  its first screen, as chat answers show it
 * @param meaning   the first line of the runbook's Meaning or Impact section; empty when none
 * @param sourceUrl where the runbook is read in full; empty when no source URL is configured
 * @param agent     the agent the checks run on
 * @param checks    the section's diagnostics, parameters prefilled from the alert's labels
 */
public record AlertRunbook(
        RunbookSection section,
        ReadableSection readable,
        String meaning,
        String sourceUrl,
        String agent,
        List<DiagnosticSuggestion> checks) {
    public AlertRunbook {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(readable, "readable");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(agent, "agent");
        checks = List.copyOf(checks);
    }
}
