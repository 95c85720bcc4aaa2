package io.runbookbot.search;

import static io.runbookbot.search.ConfidenceTuner.share;
import static io.runbookbot.search.ConfidenceTuner.withThresholds;

import io.runbookbot.search.ConfidenceTuner.Sample;
import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@link ConfidenceTuner} that chooses the abstention thresholds (the least coverage
 * answered, plain and with foreign words, and the least {@link Evidence#specificity()}, 0 = off):
 * best on four folds, scored on the fifth, with each fold's figures printed.
 */
final class AbstentionTuning {
    private static final double MIN_ANSWERED = 0.98;
    private static final double[] MIN_COVERAGE = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30};
    private static final double[] MIN_COVERAGE_FOREIGN = {0.20, 0.25, 0.30, 0.35, 0.40, 0.50};
    private static final double[] MIN_SPECIFICITY = {0, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60};

    private AbstentionTuning() {}

    static void print(List<Sample> samples, Map<EvalQuestion, Sample> byQuestion, CrossValidation folds) {
        List<double[]> thresholds = new ArrayList<>();
        for (double specificity : MIN_SPECIFICITY) {
            for (double plain : MIN_COVERAGE) {
                for (double foreign : MIN_COVERAGE_FOREIGN) {
                    if (foreign >= plain) {
                        thresholds.add(new double[] {plain, foreign, specificity});
                    }
                }
            }
        }
        var chosen = folds.select(thresholds, (t, qs) -> abstentionScore(qs, byQuestion, t));
        List<Sample> heldOut = new ArrayList<>();
        Map<Sample, double[]> applied = new IdentityHashMap<>();
        for (int i = 0; i < folds.k(); i++) {
            for (EvalQuestion q : folds.test(i)) {
                heldOut.add(byQuestion.get(q));
                applied.put(byQuestion.get(q), chosen.chosen().get(i));
            }
        }
        System.out.printf(
                "abstention thresholds chosen on 4 folds (most no-answer abstained on while answering >= %.2f"
                        + " of answerable), applied to the 5th, pooled: answered %.3f of answerable, abstained %.3f of"
                        + " no-answer%n",
                MIN_ANSWERED,
                share(heldOut, x -> x.question().answerable(), x -> !abstains(x, applied.get(x))),
                share(heldOut, x -> !x.question().answerable(), x -> abstains(x, applied.get(x))));
        var without = folds.select(
                thresholds.stream().filter(t -> t[2] == 0).toList(), (t, qs) -> abstentionScore(qs, byQuestion, t));
        List<Sample> answerable = new ArrayList<>();
        List<Sample> noAnswer = new ArrayList<>();
        for (int i = 0; i < folds.k(); i++) {
            double[] t = without.chosen().get(i);
            for (EvalQuestion q : folds.test(i)) {
                (q.answerable() ? answerable : noAnswer).add(byQuestion.get(q));
                applied.put(byQuestion.get(q), t);
            }
        }
        System.out.printf(
                "  the same without the specificity rule: answered %.3f of answerable, abstained %.3f of no-answer%n",
                share(answerable, x -> true, x -> !abstains(x, applied.get(x))),
                share(noAnswer, x -> true, x -> abstains(x, applied.get(x))));
        for (int i = 0; i < folds.k(); i++) {
            double[] t = chosen.chosen().get(i);
            List<Sample> fold = folds.test(i).stream().map(byQuestion::get).toList();
            System.out.printf(
                    "  fold %d chose minCoverage %.2f, with foreign words %.2f, specificity %.2f: held out, answered"
                            + " %d/%d of answerable (%d right at rank 1 refused), abstained %d/%d of no-answer%n",
                    i,
                    t[0],
                    t[1],
                    t[2],
                    fold.stream()
                            .filter(x -> x.question().answerable() && !abstains(x, t))
                            .count(),
                    fold.stream().filter(x -> x.question().answerable()).count(),
                    fold.stream().filter(x -> x.right() && abstains(x, t)).count(),
                    fold.stream()
                            .filter(x -> !x.question().answerable() && abstains(x, t))
                            .count(),
                    fold.stream().filter(x -> !x.question().answerable()).count());
        }
        List<EvalQuestion> all = samples.stream().map(Sample::question).toList();
        double[] best = thresholds.stream()
                .reduce((x, y) -> abstentionScore(all, byQuestion, y) > abstentionScore(all, byQuestion, x) ? y : x)
                .orElseThrow();
        System.out.printf(
                "chosen on all: minCoverage %.2f, with foreign words %.2f, specificity %.2f%n",
                best[0], best[1], best[2]);
        Calibration d = Calibration.DEFAULT;
        double[] t = {d.minCoverage(), d.minCoverageWithForeign(), d.minSpecificity()};
        System.out.printf(
                "default abstention: answered %.3f of answerable, abstained %.3f of no-answer%n",
                answeredShare(samples, t), abstainedShare(samples, t));
        System.out.printf(
                "chosen on all, on all dev: answered %.3f of answerable (%d right at rank 1 refused), abstained %.3f"
                        + " of no-answer%n",
                answeredShare(samples, best),
                samples.stream().filter(s -> s.right() && abstains(s, best)).count(),
                abstainedShare(samples, best));
    }

    private static boolean abstains(Sample s, double[] t) {
        Calibration c = Calibration.DEFAULT;
        return withThresholds(c, c.high(), c.medium(), t[0], t[1], t[2]).abstains(s.evidence());
    }

    /**
     * The share of no-answer questions abstained on, for thresholds that still answer at least
     * {@link #MIN_ANSWERED} of the answerable ones (the target); below that, worse than any
     * threshold that meets it. Ties go to the lower thresholds (listed first), which refuse less.
     */
    private static double abstentionScore(List<EvalQuestion> qs, Map<EvalQuestion, Sample> by, double[] t) {
        List<Sample> in = qs.stream().map(by::get).toList();
        double answered = answeredShare(in, t);
        return answered >= MIN_ANSWERED ? abstainedShare(in, t) : answered - 1;
    }

    private static double answeredShare(List<Sample> in, double[] t) {
        return share(in, s -> s.question().answerable(), s -> !abstains(s, t));
    }

    private static double abstainedShare(List<Sample> in, double[] t) {
        return share(in, s -> !s.question().answerable(), s -> abstains(s, t));
    }
}
