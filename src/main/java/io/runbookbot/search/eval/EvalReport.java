package io.runbookbot.search.eval;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation run.
 *
 * @param overall    figures over every question
 * @param byKind     figures per question kind, in a stable order
 * @param misses     answerable questions with no hit in the first five, for reading
 * @param unresolved expected sections that the runbooks do not contain (a parser or data problem)
 */
public record EvalReport(Metrics overall, Map<String, Metrics> byKind, List<String> misses, List<String> unresolved) {
    public EvalReport {
        byKind = Map.copyOf(byKind);
        misses = List.copyOf(misses);
        unresolved = List.copyOf(unresolved);
    }

    /** A fixed-width table: one row for all questions, then one per kind. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format("%-14s %5s %6s %6s %6s %8s %6s %8s%n",
                "kind", "n", "hit@1", "hit@3", "MRR@5", "answered", "no-ans", "abstain"));
        out.append(row("all", overall));
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(row(e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String row(String name, Metrics m) {
        return String.format("%-14s %5d %6.3f %6.3f %6.3f %8.3f %6d %8.3f%n", name, m.answerable(), m.hit1(),
                m.hit3(), m.mrr5(), m.answeredRate(), m.noAnswer(), m.abstainRate());
    }
}
