package io.runbookbot.llm;

import java.util.List;
import java.util.Objects;

/**
 * What one tool call gave.
 *
 * @param text    what goes back to the model (capped and redacted before it is sent)
 * @param outcome a short sentence for the audit line
 * @param sources the runbook sections or diagnostic outputs this call put in front of the model
 */
record ToolResult(String text, String outcome, List<String> sources) {
    ToolResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        sources = List.copyOf(sources);
    }

    /** A call that gave the model nothing but an explanation (bad arguments, refused, unknown tool). */
    static ToolResult error(String message) {
        return new ToolResult("Error: " + message, "error: " + message, List.of());
    }
}
