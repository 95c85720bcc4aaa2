package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lists the allowlisted diagnostics that a runbook section's code blocks contain: for each command
 * line that one of an entry's {@code recognizes} patterns matches (rules: {@link SuggestionPattern},
 * {@link SuggestionLines}), the entry with the parameter values taken from the line. A value that
 * fails its parameter's check is never suggested. Each entry and set of values is listed once, at
 * its first line; the list follows the section's lines, and the allowlist's order within a line.
 *
 * <p>Immutable once built (the patterns are compiled in the constructor); safe to share.
 */
public final class Suggestions {
    private record Entry(CommandSpec spec, List<SuggestionPattern> patterns) {}

    private final List<Entry> entries;

    /**
     * @throws IllegalArgumentException when a {@code recognizes} pattern is empty or uses a
     *                                  placeholder its entry does not declare (which the allowlist
     *                                  loader already refuses), naming the entry
     */
    public Suggestions(Allowlist allowlist) {
        Objects.requireNonNull(allowlist, "allowlist");
        List<Entry> list = new ArrayList<>();
        for (CommandSpec spec : allowlist.commands()) {
            list.add(new Entry(spec, compile(spec)));
        }
        this.entries = List.copyOf(list);
    }

    private static List<SuggestionPattern> compile(CommandSpec spec) {
        List<SuggestionPattern> patterns = new ArrayList<>();
        for (String line : spec.recognizes()) {
            try {
                patterns.add(SuggestionPattern.compile(line, spec.params()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("allowlist entry " + spec.id() + ": " + e.getMessage(), e);
            }
        }
        return patterns;
    }

    /** The diagnostics the section's code blocks stand for, first occurrence first. */
    public List<DiagnosticSuggestion> forSection(RunbookSection section) {
        Objects.requireNonNull(section, "section");
        Map<List<Object>, DiagnosticSuggestion> found = new LinkedHashMap<>();
        for (SuggestionLines.CommandLine line : SuggestionLines.of(section)) {
            for (String command : line.commands()) {
                for (Entry entry : entries) {
                    for (SuggestionPattern pattern : entry.patterns()) {
                        pattern.match(command).ifPresent(values -> {
                            DiagnosticSuggestion s = suggestion(entry.spec(), values, line);
                            found.putIfAbsent(List.of(s.commandId(), s.params()), s);
                        });
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static DiagnosticSuggestion suggestion(
            CommandSpec spec, Map<String, String> values, SuggestionLines.CommandLine line) {
        Map<String, String> params = new LinkedHashMap<>();
        spec.params().keySet().stream().filter(values::containsKey).forEach(k -> params.put(k, values.get(k)));
        return new DiagnosticSuggestion(spec.id(), spec.description(), params, line.text(), line.lineNumber());
    }
}
