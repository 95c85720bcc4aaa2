package io.runbookbot.search;

import io.runbookbot.core.SectionHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the sections of each runbook anew while each runbook keeps the scores it had: the best
 * score of a runbook goes to its first section in the new order, its second score to the second,
 * and so on. The new order puts first the sections whose role the question names
 * ({@link SectionRoles#named}: the Impact section for "what does X break"), last a runbook's title
 * with next to no text under it ("# Node Reboots" and a line of search tags: it matches the
 * runbook's name and answers nothing), and in between follows the thin-aware score
 * ({@link SectionPrior}, {@link Ranking#thin()}).
 *
 * <p>None is a reason to prefer one runbook over another, only to show another section of the
 * same runbook first: a section of one or two lines ("Set multiple Alertmanager instances, spread
 * them across nodes.") holds no steps, a bare title holds nothing, and Meaning and Impact differ in
 * what they tell, not in how well the runbook fits. So which runbook comes first, and where each runbook's candidates fall
 * among the others', stays as the role priors put them.
 */
final class RunbookSectionOrder {
    private RunbookSectionOrder() {}

    /**
     * @param hits      candidates scored with the plain priors
     * @param first     whether each candidate's role is the one the question names, index for index
     * @param last      whether each candidate is a bare title, index for index
     * @param thinAware the same candidates' scores with the thin-aware prior, index for index
     * @return the same sections, index for index, with each runbook's scores dealt out again
     */
    static List<SectionHit> reorder(List<SectionHit> hits, boolean[] first, boolean[] last, double[] thinAware) {
        Map<String, List<Integer>> byFile = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            byFile.computeIfAbsent(hits.get(i).section().file(), f -> new ArrayList<>())
                    .add(i);
        }
        List<SectionHit> out = new ArrayList<>(hits);
        for (List<Integer> indexes : byFile.values()) {
            if (indexes.size() < 2) {
                continue;
            }
            List<Integer> order = new ArrayList<>(indexes);
            order.sort(Comparator.comparing((Integer i) -> !first[i])
                    .thenComparing(i -> last[i])
                    .thenComparingDouble(i -> -thinAware[i])
                    .thenComparingInt(i -> hits.get(i).section().line()));
            double[] scores = indexes.stream()
                    .mapToDouble(i -> -hits.get(i).score())
                    .sorted()
                    .map(s -> -s)
                    .toArray();
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                out.set(i, new SectionHit(hits.get(i).section(), scores[k]));
            }
        }
        return out;
    }
}
