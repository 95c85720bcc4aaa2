package io.runbookbot.search;

import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.HybridGate;
import io.runbookbot.search.eval.Metrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The choice of a fusion among scored variants for {@link FusionTuner}: k-fold cross-validation over
 * several question sets at once, folds stratified by set and kind. A variant may be chosen only
 * when it is no worse than keyword alone on every set and kind of the questions it is chosen on
 * ({@link HybridGate}); among those, the most right answers at rank 1 wins, the first listed on a tie.
 */
final class FusionSelection {
    private final List<String> sets;
    private final Map<HybridFusion, Map<String, EvalReport>> reports;
    private final HybridFusion keyword;
    private final List<EvalQuestion> all = new ArrayList<>();
    private final Map<String, String> setOf = new HashMap<>();

    /**
     * @param questions the questions of each set, in the order of {@code sets}
     * @param reports   per variant (the candidates, in order of preference), its report per set
     * @param keyword   the variant that is keyword search alone
     */
    FusionSelection(
            List<String> sets,
            List<List<EvalQuestion>> questions,
            Map<HybridFusion, Map<String, EvalReport>> reports,
            HybridFusion keyword) {
        this.sets = List.copyOf(sets);
        this.reports = reports;
        this.keyword = keyword;
        for (int i = 0; i < sets.size(); i++) {
            for (EvalQuestion q : questions.get(i)) {
                all.add(new EvalQuestion(q.id(), q.question(), sets.get(i) + "/" + q.kind(), q.expected()));
                setOf.put(q.id(), sets.get(i));
            }
        }
    }

    /** Right answers at rank 1 over {@code questions}, all sets together. */
    double hits(HybridFusion v, List<EvalQuestion> questions) {
        return sets.stream()
                .mapToInt(s -> HybridGate.hits(reports.get(v).get(s), questions))
                .sum();
    }

    /** {@link #hits}, or minus infinity when the variant is worse than keyword on some set and kind of {@code questions}. */
    double allowedHits(HybridFusion v, List<EvalQuestion> questions) {
        boolean allowed = sets.stream()
                .allMatch(s -> HybridGate.violations(
                                s, reports.get(keyword).get(s), reports.get(v).get(s), questions)
                        .isEmpty());
        return allowed ? hits(v, questions) : Double.NEGATIVE_INFINITY;
    }

    /** The variant chosen on every question (what {@link HybridFusion#DEFAULT} should be). */
    HybridFusion chooseOnAll() {
        HybridFusion best = keyword;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (HybridFusion v : reports.keySet()) {
            double s = allowedHits(v, all);
            if (s > bestScore) {
                best = v;
                bestScore = s;
            }
        }
        return best;
    }

    /** hit@1 per set and kind on the whole dev sets of the given variants and the five best allowed ones. */
    void printDevFigures(List<HybridFusion> shown) {
        Set<HybridFusion> rows = new LinkedHashSet<>(shown);
        reports.keySet().stream()
                .filter(v -> allowedHits(v, all) > Double.NEGATIVE_INFINITY)
                .sorted(Comparator.comparingDouble((HybridFusion v) -> -hits(v, all)))
                .limit(5)
                .forEach(rows::add);
        System.out.println("hit@1 on the whole dev sets (optimistic for a tuned variant; * = worse than keyword"
                + " by more than one question on a set and kind):");
        for (HybridFusion v : rows) {
            StringBuilder line = new StringBuilder(String.format("  %-40s", FusionTuner.name(v)));
            for (String s : sets) {
                EvalReport r = reports.get(v).get(s);
                line.append(String.format(" | %s %.3f", s, r.overall().hit1()));
                new TreeMap<>(r.byKind()).forEach((kind, m) -> {
                    if (m.answerable() > 0) {
                        line.append(String.format(" %s %.3f", kind, m.hit1()));
                    }
                });
            }
            System.out.println(line.append(allowedHits(v, all) == Double.NEGATIVE_INFINITY ? " *" : ""));
        }
    }

    /** The variants with the most right answers at rank 1 on all dev questions, gate or not (is any blend better at all?). */
    void printBestUngated(int n) {
        System.out.println("most right at rank 1 on the whole dev sets, gate ignored (keyword "
                + (int) hits(keyword, all) + "; * = fails the gate):");
        reports.keySet().stream()
                .sorted(Comparator.comparingDouble((HybridFusion v) -> -hits(v, all)))
                .limit(n)
                .forEach(v -> System.out.printf(
                        "  %-40s right %d%s%n",
                        FusionTuner.name(v),
                        (int) hits(v, all),
                        allowedHits(v, all) == Double.NEGATIVE_INFINITY ? " *" : ""));
        long better = reports.keySet().stream()
                .filter(v -> hits(v, all) > hits(keyword, all))
                .count();
        long worse = reports.keySet().stream()
                .filter(v -> hits(v, all) < hits(keyword, all))
                .count();
        double fewest =
                reports.keySet().stream().mapToDouble(v -> hits(v, all)).min().orElse(0);
        System.out.printf(
                "  of %d variants: %d better than keyword, %d worse (fewest right %.0f)%n",
                reports.size(), better, worse, fewest);
    }

    /** Per fold the variant chosen on the other folds; held-out hit@1 of keyword and of those choices, per set and kind. */
    void crossValidate() {
        CrossValidation cv = CrossValidation.of(all);
        List<HybridFusion> variants = List.copyOf(reports.keySet());
        CrossValidation.Selection<HybridFusion> chosen = cv.select(variants, this::allowedHits, this::hits);
        for (int i = 0; i < cv.k(); i++) {
            System.out.printf(
                    "fold %d (%d questions): chose %-40s held-out right at rank 1: keyword %.0f, chosen %.0f%n",
                    i,
                    cv.test(i).size(),
                    FusionTuner.name(chosen.chosen().get(i)),
                    hits(keyword, cv.test(i)),
                    chosen.heldOut().perFold()[i]);
        }
        System.out.println("held-out hit@1 per set and kind over " + cv.k() + " folds (mean, sd, min, max | folds)"
                + " and right answers summed over the held-out folds:");
        for (String s : sets) {
            for (String kind : kinds(s)) {
                printRow(cv, chosen.chosen(), s, kind);
            }
        }
    }

    private List<String> kinds(String set) {
        List<String> out = new ArrayList<>(List.of("all"));
        new TreeMap<>(reports.get(keyword).get(set).byKind()).forEach((kind, m) -> {
            if (m.answerable() > 0) {
                out.add(kind);
            }
        });
        return out;
    }

    private void printRow(CrossValidation cv, List<HybridFusion> chosen, String set, String kind) {
        double[] before = new double[cv.k()];
        double[] after = new double[cv.k()];
        int hitsBefore = 0;
        int hitsAfter = 0;
        for (int i = 0; i < cv.k(); i++) {
            List<EvalQuestion> fold = cv.test(i).stream()
                    .filter(q -> setOf.get(q.id()).equals(set)
                            && (kind.equals("all") || q.kind().equals(set + "/" + kind)))
                    .toList();
            Metrics b = CrossValidation.metrics(reports.get(keyword).get(set), fold);
            Metrics a = CrossValidation.metrics(reports.get(chosen.get(i)).get(set), fold);
            before[i] = b.hit1();
            after[i] = a.hit1();
            hitsBefore += HybridGate.hits(reports.get(keyword).get(set), fold);
            hitsAfter += HybridGate.hits(reports.get(chosen.get(i)).get(set), fold);
        }
        System.out.printf(
                "  %-6s %-13s keyword %s%n  %-6s %-13s hybrid  %s | right %d -> %d%n",
                set,
                kind,
                new CrossValidation.Spread(before),
                "",
                "",
                new CrossValidation.Spread(after),
                hitsBefore,
                hitsAfter);
    }
}
