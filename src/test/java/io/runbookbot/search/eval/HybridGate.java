package io.runbookbot.search.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * "Hybrid never hurts": on a question set (or a fold of one), hybrid ranking may answer at most
 * {@link #TOLERANCE} question fewer right at rank 1 than keyword search alone in any kind, and may
 * abstain on at most that many fewer no-answer questions. Used by the hybrid regression test on the
 * whole dev sets and by {@code FusionTuner} on the training folds when it chooses the fusion.
 */
public final class HybridGate {
    /** Questions hybrid may lose per kind: one question is noise on sets this small. */
    public static final int TOLERANCE = 1;

    private static final int QUESTIONS = 0;
    private static final int HIT1 = 1;
    private static final int ABSTAINED = 2;

    private HybridGate() {}

    /** One line per kind of {@code set} where hybrid is worse than keyword by more than the tolerance. */
    public static List<String> violations(String set, EvalReport keyword, EvalReport hybrid) {
        return violations(set, keyword, hybrid, id -> true);
    }

    /**
     * As {@link #violations(String, EvalReport, EvalReport)}, counting only {@code questions} (by id),
     * such as the training folds of a cross-validation.
     */
    public static List<String> violations(
            String set, EvalReport keyword, EvalReport hybrid, Collection<EvalQuestion> questions) {
        Set<String> ids = new HashSet<>();
        questions.forEach(q -> ids.add(q.id()));
        return violations(set, keyword, hybrid, ids::contains);
    }

    private static List<String> violations(
            String set, EvalReport keyword, EvalReport hybrid, Predicate<String> counted) {
        Map<String, int[]> before = counts(keyword, counted);
        Map<String, int[]> after = counts(hybrid, counted);
        List<String> out = new ArrayList<>();
        before.forEach((kind, b) -> {
            int[] a = after.getOrDefault(kind, new int[3]);
            if (a[HIT1] < b[HIT1] - TOLERANCE) {
                out.add(String.format(
                        "%s/%s: hybrid hit@1 %d < keyword %d of %d (more than %d question worse)",
                        set, kind, a[HIT1], b[HIT1], b[QUESTIONS], TOLERANCE));
            }
            if (a[ABSTAINED] < b[ABSTAINED] - TOLERANCE) {
                out.add(String.format(
                        "%s/%s: hybrid abstained on %d no-answer questions < keyword %d of %d",
                        set, kind, a[ABSTAINED], b[ABSTAINED], b[QUESTIONS]));
            }
        });
        return out;
    }

    /** Answers right at rank 1 among {@code questions}. */
    public static int hits(EvalReport report, Collection<EvalQuestion> questions) {
        Set<String> ids = new HashSet<>();
        questions.forEach(q -> ids.add(q.id()));
        return (int) report.outcomes().stream()
                .filter(o -> ids.contains(o.id()) && o.shownAt() == 1)
                .count();
    }

    /** Per kind: questions, right at rank 1, no-answer questions abstained on. */
    private static Map<String, int[]> counts(EvalReport report, Predicate<String> counted) {
        Map<String, int[]> out = new TreeMap<>();
        for (Outcome o : report.outcomes()) {
            if (!counted.test(o.id())) {
                continue;
            }
            int[] c = out.computeIfAbsent(o.kind(), k -> new int[3]);
            c[QUESTIONS]++;
            c[HIT1] += o.shownAt() == 1 ? 1 : 0;
            c[ABSTAINED] += !o.answerable() && !o.answered() ? 1 : 0;
        }
        return out;
    }
}
