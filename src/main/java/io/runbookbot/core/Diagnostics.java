package io.runbookbot.core;

import java.util.List;
import java.util.Map;

/**
 * Port: allowlisted diagnostics, run for a caller with their permissions. Expected conditions
 * (unknown command, denied, agent down) come back as a {@link DiagnosticReport}, never as an
 * exception.
 */
public interface Diagnostics {
    /** The agent name that means "this host, through the local runner". */
    String LOCAL = "local";

    /** The allowlisted diagnostics that a section's commands correspond to, with their parameters. */
    List<DiagnosticSuggestion> suggestionsFor(RunbookSection section);

    /** Everything that may be run. */
    List<DiagnosticCommand> commands();

    /** What {@code caller} may run from where they ask (all of it, unless permissions say otherwise). */
    default List<DiagnosticCommand> commands(Caller caller) {
        return commands();
    }

    /**
     * Each parameter of {@code call} whose value the allowlist refuses, with the reason (redacted,
     * naming the parameter), in the entry's order; empty when every value is accepted or when the
     * command is unknown ({@link #run} says so). The same check {@link #run} makes, without running,
     * auditing or counting anything, so a form can point at the field to fix. Quick: no agent call.
     */
    Map<String, String> invalidParams(DiagnosticCall call);

    /** Runs a diagnostic for the caller, or says why not. */
    DiagnosticReport run(Caller caller, DiagnosticCall call);

    /** Runs a diagnostic that was waiting for the caller's confirmation. */
    DiagnosticReport confirm(Caller caller, String token);
}
