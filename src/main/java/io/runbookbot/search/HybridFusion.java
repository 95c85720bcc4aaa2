package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How the keyword ranking and the semantic similarity combine. Keyword search is precise on error
 * lines, commands and alert names, so it leads: when the best keyword answer's runbook covers the
 * question's words ({@code coverage >= keywordSure}) its order stands. Otherwise each candidate
 * scores {@code keyword / best keyword + weight * similarity^power}, with the similarity scaled to
 * [0, 1] between the worst and the best of the nearest sections: a small, convex push that reorders
 * close keyword candidates and lets a clearly nearer paraphrase through. With {@code runbooks > 0}
 * only sections of the first {@code runbooks} runbooks of the keyword ranking get the push (and
 * only those may enter from the nearest sections), so the model can choose the section within the
 * runbooks keyword search found but never pull in a runbook keyword search did not rank high.
 *
 * <p>The push is per section or per runbook ({@link Push}). Per runbook, every keyword candidate
 * gets the push of its runbook's section nearest to the question, so the model only decides which
 * runbook answers ("out of ram" is nearer the guest-memory runbook than the guest-filesystem one
 * that shares "almost out") and the keyword ranking, with its section priors, still chooses the
 * section within it; no section enters from the nearest list alone.
 *
 * <p>Plain reciprocal rank fusion was measured first and lost to keyword search alone (hit@1 0.617
 * vs 0.725 on the corpus dev set with all-MiniLM-L6-v2): the model is much weaker than the tuned
 * BM25 on these questions, and equal-weight rank fusion lets it overrule exact matches.
 *
 * @param keywordSure coverage at or above which the keyword order is kept (above 1: always blends)
 * @param weight      the semantic share
 * @param power       the convexity of the semantic push
 * @param runbooks    how many of the keyword ranking's first runbooks the push may reorder; 0: any
 * @param push        whether each section is pushed by its own similarity or by its runbook's
 */
public record HybridFusion(double keywordSure, double weight, double power, int runbooks, Push push) {
    /** What a similarity pushes: the section itself, or every candidate section of its runbook. */
    public enum Push {
        SECTION,
        RUNBOOK
    }

    /**
     * Chosen by {@code FusionTuner} (k-fold cross-validation over the dev sets, never worse than
     * keyword per set and kind within one question on the training folds); gated by the hybrid
     * regression test. With all-MiniLM-L6-v2, section pushes never paid since the keyword ranking
     * improved (session 21: none of 161 variants answers more dev questions right than keyword). The
     * runbook push does (session 23, corpus and seeds dev sets plus the 135 fresh questions written
     * blind in session 22): every question is blended, weight 0.5, power 2, any runbook. Held out
     * over five folds it answers 177 corpus questions right at rank 1 against 176 for keyword alone,
     * and 44 seed questions against 42; on the shared dev sets 0.867 against 0.858 (corpus) and 0.960
     * against 0.920 (seeds), no kind worse, though not better held out on those alone (docs/eval.md).
     */
    public static final HybridFusion DEFAULT = new HybridFusion(1.01, 0.5, 2, 0, Push.RUNBOOK);

    private static final Comparator<SectionHit> BEST_FIRST = Comparator.comparingDouble(SectionHit::score)
            .reversed()
            .thenComparing(h -> h.section().file())
            .thenComparingInt(h -> h.section().line());

    public HybridFusion {
        if (runbooks < 0) {
            throw new IllegalArgumentException("runbooks must be 0 (any) or more: " + runbooks);
        }
        Objects.requireNonNull(push, "push");
    }

    /** True when the keyword ranking should be blended with the semantic one. */
    boolean blends(double keywordCoverage) {
        return keywordCoverage < keywordSure;
    }

    /**
     * @param keyword      keyword candidates, best first
     * @param nearest      the nearest sections by vector, best first, scored by similarity
     * @param similarities exact similarities of the keyword candidates
     */
    List<SectionHit> fuse(List<SectionHit> keyword, List<SectionHit> nearest, Map<RunbookSection, Float> similarities) {
        if (nearest.isEmpty()) {
            return keyword;
        }
        if (keyword.isEmpty()) {
            return nearest; // nothing to push: the nearest sections are the only candidates
        }
        double best = nearest.get(0).score();
        double worst = nearest.get(nearest.size() - 1).score();
        double top = keyword.isEmpty() ? 1 : keyword.get(0).score();
        Set<String> pushed = firstRunbooks(keyword);
        Map<RunbookSection, Double> scores = new IdentityHashMap<>();
        keyword.forEach(h -> scores.put(h.section(), h.score() / top));
        Map<RunbookSection, Double> similarity = new IdentityHashMap<>();
        similarities.forEach((s, v) -> similarity.put(s, v.doubleValue()));
        nearest.forEach(h -> similarity.put(h.section(), h.score()));
        ToDoubleFunction<RunbookSection> near;
        if (push == Push.RUNBOOK) {
            Map<String, Double> byRunbook = new HashMap<>();
            similarity.forEach((s, v) -> byRunbook.merge(s.file(), v, Math::max));
            near = s -> byRunbook.getOrDefault(s.file(), worst);
        } else {
            nearest.stream()
                    .filter(h -> pushes(pushed, h.section()))
                    .forEach(h -> scores.putIfAbsent(h.section(), 0.0));
            near = s -> similarity.getOrDefault(s, worst);
        }
        List<SectionHit> fused = new ArrayList<>(scores.size());
        scores.forEach((section, score) -> {
            double scaled = best == worst ? 0 : (near.applyAsDouble(section) - worst) / (best - worst);
            double lift = pushes(pushed, section) ? weight * Math.pow(Math.max(0, Math.min(1, scaled)), power) : 0;
            fused.add(new SectionHit(section, score + lift));
        });
        fused.sort(BEST_FIRST);
        return fused;
    }

    /** The files of the first {@link #runbooks} runbooks in keyword order; empty when any may be pushed. */
    private Set<String> firstRunbooks(List<SectionHit> keyword) {
        Set<String> files = new HashSet<>();
        for (int i = 0; runbooks > 0 && i < keyword.size() && files.size() < runbooks; i++) {
            files.add(keyword.get(i).section().file());
        }
        return files;
    }

    private static boolean pushes(Set<String> pushed, RunbookSection section) {
        return pushed.isEmpty() || pushed.contains(section.file());
    }
}
