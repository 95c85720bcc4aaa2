package io.runbookbot.search.eval;

import io.runbookbot.core.Confidence;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation run.
 *
 * @param overall    figures over every question
 * @param byKind     figures per question kind, in a stable order
 * @param outcomes   one per question, in question-set order
 * @param misses     answerable questions not answered with an expected section in the first five
 *                   (abstentions included), for reading
 * @param unresolved expected sections that the runbooks do not contain (a parser or data problem)
 */
public record EvalReport(
        Metrics overall,
        Map<String, Metrics> byKind,
        List<Outcome> outcomes,
        List<String> misses,
        List<String> unresolved) {
    /** Printed under every table, so that nobody reads these figures as ranking-only ones. */
    public static final String LEGEND = "hit@k and MRR@5 score what the user sees: an abstention is a miss at every k;"
            + " withheld = expected section ranked first but the bot abstained";

    public EvalReport {
        byKind = Map.copyOf(byKind);
        outcomes = List.copyOf(outcomes);
        misses = List.copyOf(misses);
        unresolved = List.copyOf(unresolved);
    }

    /** A fixed-width table: one row for all questions, then one per kind, then the legend. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                "%-14s %5s %6s %6s %6s %8s %8s %6s %8s%n",
                "kind", "n", "hit@1", "hit@3", "MRR@5", "answered", "withheld", "no-ans", "abstain"));
        out.append(row("all", overall));
        byKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(row(e.getKey(), e.getValue())));
        out.append("confidence bands, answered questions (share right at rank 1):");
        bands().forEach((band, b) ->
                out.append(String.format("  %s %d (%.3f)", band.label(), b.answered(), b.precision())));
        out.append(System.lineSeparator());
        return out.append("(")
                .append(LEGEND)
                .append(")")
                .append(System.lineSeparator())
                .toString();
    }

    /** How many answerable questions were answered in a confidence band, and the share right at rank 1. */
    public record Band(int answered, double precision) {}

    /** Each confidence band's answered answerable questions and their precision at rank 1. */
    public Map<Confidence, Band> bands() {
        Map<Confidence, Band> out = new EnumMap<>(Confidence.class);
        for (Confidence band : Confidence.values()) {
            List<Outcome> in = outcomes.stream()
                    .filter(o -> o.answerable() && o.answered() && o.confidence() == band)
                    .toList();
            long right = in.stream().filter(o -> o.rankedAt() == 1).count();
            out.put(band, new Band(in.size(), in.isEmpty() ? 0 : (double) right / in.size()));
        }
        return out;
    }

    private static String row(String name, Metrics m) {
        return String.format(
                "%-14s %5d %6.3f %6.3f %6.3f %8.3f %8d %6d %8.3f%n",
                name,
                m.answerable(),
                m.hit1(),
                m.hit3(),
                m.mrr5(),
                m.answeredRate(),
                m.withheld(),
                m.noAnswer(),
                m.abstainRate());
    }
}
