package io.runbookbot.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An allowlisted diagnostic that a runbook section's command line stands for, with the parameter
 * values taken from that line (already checked against the entry's parameter types).
 *
 * @param commandId        the allowlist entry's id
 * @param description      the entry's description, for people
 * @param params           parameter values by name, in the entry's declaration order
 * @param sourceLine       the runbook line as written, trimmed (continuation lines joined)
 * @param sourceLineNumber 1-based line of {@code sourceLine} in the runbook file
 */
public record DiagnosticSuggestion(
        String commandId, String description, Map<String, String> params, String sourceLine, int sourceLineNumber) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");

    public DiagnosticSuggestion {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(description, "description");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(sourceLine, "sourceLine");
    }

    /**
     * The command line that runs it: {@code runbook-bot run listening-port port=8000}. Values that
     * a shell would split or expand are single-quoted: {@code since='1 hour ago'}.
     */
    public String command() {
        String args = params.entrySet().stream()
                .map(e -> " " + e.getKey() + "=" + shellWord(e.getValue()))
                .collect(Collectors.joining());
        return "runbook-bot run " + commandId + args;
    }

    /** What to type in chat to run it: {@code run listening-port port=8000}. */
    public String chatCommand() {
        return command().substring("runbook-bot ".length());
    }

    private static String shellWord(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
