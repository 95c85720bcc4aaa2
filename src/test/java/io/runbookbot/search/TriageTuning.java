package io.runbookbot.search;

import static io.runbookbot.search.ConfidenceTuner.band;
import static io.runbookbot.search.ConfidenceTuner.share;
import static io.runbookbot.search.ConfidenceTuner.withThresholds;

import io.runbookbot.core.Confidence;
import io.runbookbot.core.chat.IncidentTriage;
import io.runbookbot.search.ConfidenceTuner.Sample;
import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@link ConfidenceTuner} that chooses the Medium boundary, where incident triage
 * answers unasked (at Medium or High).
 */
final class TriageTuning {
    private static final double[] MEDIUM = {0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70};
    private static final double TRIAGE_PRECISION = 0.85;

    private TriageTuning() {}

    /**
     * For each Medium boundary: the share of the dev symptom and error reports it answers unasked
     * and the share of those right, from out-of-fold probabilities; then the boundary chosen on four
     * folds (most answered while at least {@link #TRIAGE_PRECISION} right) scored on the fifth.
     */
    static void print(
            List<Sample> samples, Map<EvalQuestion, Sample> by, Map<EvalQuestion, Double> p, CrossValidation folds) {
        System.out.println("incident triage on symptom/error reports, by Medium boundary (out-of-fold):");
        for (double medium : MEDIUM) {
            List<Sample> reports =
                    reports(samples.stream().map(Sample::question).toList(), by);
            System.out.printf(
                    "  medium >= %.2f: answered %.3f, right %.3f%n",
                    medium,
                    share(reports, x -> true, x -> speaks(x, p, medium)),
                    share(reports, x -> speaks(x, p, medium), Sample::right));
        }
        List<Double> variants = new ArrayList<>();
        for (double medium : MEDIUM) {
            variants.add(medium);
        }
        var chosen = folds.select(variants, (medium, qs) -> {
            List<Sample> reports = reports(qs, by);
            double right = share(reports, x -> speaks(x, p, medium), Sample::right);
            double answered = share(reports, x -> true, x -> speaks(x, p, medium));
            return right >= TRIAGE_PRECISION ? answered : right - 1;
        });
        List<Sample> heldOut = new ArrayList<>();
        Map<Sample, Double> applied = new IdentityHashMap<>();
        for (int i = 0; i < folds.k(); i++) {
            for (Sample x : reports(folds.test(i), by)) {
                heldOut.add(x);
                applied.put(x, chosen.chosen().get(i));
            }
        }
        System.out.printf(
                "  chosen on 4 folds, applied to the 5th, pooled: answered %.3f, right %.3f (chose %s)%n",
                share(heldOut, x -> true, x -> speaks(x, p, applied.get(x))),
                share(heldOut, x -> speaks(x, p, applied.get(x)), Sample::right),
                chosen.chosen());
    }

    private static List<Sample> reports(List<EvalQuestion> qs, Map<EvalQuestion, Sample> by) {
        return qs.stream()
                .filter(q -> q.kind().equals("symptom") || q.kind().equals("error-message"))
                .map(by::get)
                .toList();
    }

    private static boolean speaks(Sample s, Map<EvalQuestion, Double> p, double medium) {
        Calibration c = Calibration.DEFAULT;
        Calibration withMedium = withThresholds(c, c.high(), medium, c.minCoverage(), c.minCoverageWithForeign());
        return IncidentTriage.readsLikeSymptom(s.question().question())
                && !withMedium.abstains(s.evidence())
                && band(s, p, withMedium) != Confidence.LOW;
    }
}
