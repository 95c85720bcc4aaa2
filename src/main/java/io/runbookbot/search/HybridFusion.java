package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>Plain reciprocal rank fusion was measured first and lost to keyword search alone (hit@1 0.617
 * vs 0.725 on the corpus dev set with all-MiniLM-L6-v2): the model is much weaker than the tuned
 * BM25 on these questions, and equal-weight rank fusion lets it overrule exact matches.
 *
 * @param keywordSure coverage at or above which the keyword order is kept
 * @param weight      the semantic share
 * @param power       the convexity of the semantic push
 * @param runbooks    how many of the keyword ranking's first runbooks the push may reorder; 0: any
 */
public record HybridFusion(double keywordSure, double weight, double power, int runbooks) {
    /**
     * Chosen by {@code FusionTuner} (k-fold cross-validation over the corpus and seeds dev sets, never
     * worse than keyword per set and kind within one question); gated by the hybrid regression test.
     * Since the check/fix priors and the lead-name discount (keyword corpus hit@1 0.792 to 0.833),
     * every fold chooses keyword alone with all-MiniLM-L6-v2: no blend is better held out (100
     * right against 100 at best, 98 for the old default). So answers are the keyword ranking's: the
     * question is embedded only when keyword search has no candidate, and a zero weight changes
     * nothing then either. Margin-gated pushes (weights 0.02 and 0.05, so the model only breaks
     * near-ties of the keyword ranking) were tried too (session 20): four of five folds choose (0.8, 0.02,
     * 2, 2), which gains one question on its training folds and none held out (100 -> 100 corpus, 22 ->
     * 22 seeds). Session 21 (keyword 103 + 23 right): none of the 161 variants answers more dev
     * questions right at rank 1 than keyword even with the gate ignored (152 answer fewer, down to
     * 106), with sections embedded to 300 characters or to 1,000 (about MiniLM's 256-piece window).
     * Re-run the tuner with a stronger embedding model.
     */
    public static final HybridFusion DEFAULT = new HybridFusion(0, 0, 1, 0);

    private static final Comparator<SectionHit> BEST_FIRST = Comparator.comparingDouble(SectionHit::score)
            .reversed()
            .thenComparing(h -> h.section().file())
            .thenComparingInt(h -> h.section().line());

    public HybridFusion {
        if (runbooks < 0) {
            throw new IllegalArgumentException("runbooks must be 0 (any) or more: " + runbooks);
        }
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
        double best = nearest.get(0).score();
        double worst = nearest.get(nearest.size() - 1).score();
        double top = keyword.isEmpty() ? 1 : keyword.get(0).score();
        Set<String> pushed = firstRunbooks(keyword);
        Map<RunbookSection, Double> scores = new IdentityHashMap<>();
        keyword.forEach(h -> scores.put(h.section(), h.score() / top));
        nearest.stream().filter(h -> pushes(pushed, h.section())).forEach(h -> scores.putIfAbsent(h.section(), 0.0));
        Map<RunbookSection, Double> similarity = new IdentityHashMap<>();
        similarities.forEach((s, v) -> similarity.put(s, v.doubleValue()));
        nearest.forEach(h -> similarity.put(h.section(), h.score()));
        List<SectionHit> fused = new ArrayList<>(scores.size());
        scores.forEach((section, score) -> {
            double scaled = best == worst ? 0 : (similarity.getOrDefault(section, worst) - worst) / (best - worst);
            double push = pushes(pushed, section) ? weight * Math.pow(Math.max(0, Math.min(1, scaled)), power) : 0;
            fused.add(new SectionHit(section, score + push));
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
