package io.runbookbot.search;

import io.runbookbot.core.Confidence;
import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.eval.Outcome;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Development tool, not a test: fits {@link Calibration} on the dev sets and shows, by 5-fold
 * cross-validation, what each band and the abstention rule do on questions the fit never saw.
 *
 * <p>For every dev question (corpus and seeds; the pasted-log sets, being variants of the dev error
 * lines, are only scored with the final fit, never fitted on) the tool
 * records the {@link Evidence} of the keyword ranking's first answer and whether that answer is
 * right. The logistic model is fitted on four folds and predicts the fifth; the printed band
 * precisions are those out-of-fold predictions, so they are what new questions should see. The
 * coefficients printed last are the fit on all questions, to be copied into
 * {@link Calibration#DEFAULT}. Abstention thresholds are chosen the same way: best on four folds,
 * scored on the fifth. Arguments: the shared folder (default {@code ../shared}).
 */
public final class ConfidenceTuner {
    private static final double MIN_ANSWERED = 0.98;
    private static final double[] HIGH = {0.70, 0.75, 0.80, 0.85, 0.90};
    private static final double[] MIN_COVERAGE = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30};
    private static final double[] MIN_COVERAGE_FOREIGN = {0.20, 0.25, 0.30, 0.35, 0.40, 0.50};

    /** One dev question as the calibration sees it. */
    record Sample(EvalQuestion question, Evidence evidence, boolean right) {
        double[] features() {
            return new double[] {evidence.runbookCoverage(), evidence.sectionCoverage(), Math.sqrt(evidence.margin())};
        }
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals("--explain")) {
            explain(Path.of(args[1]), List.of(args).subList(2, args.length));
            return;
        }
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        List<Sample> samples = devSamples(shared);
        Map<EvalQuestion, Sample> byQuestion = new IdentityHashMap<>();
        samples.forEach(s -> byQuestion.put(s.question(), s));
        CrossValidation folds =
                CrossValidation.of(samples.stream().map(Sample::question).toList());

        Map<EvalQuestion, Double> outOfFold = outOfFold(folds, byQuestion);
        System.out.printf(
                "%d questions (%d answerable), %d folds; out-of-fold precision at rank 1 by band:%n",
                samples.size(),
                answerable(samples.stream().map(Sample::question).toList(), byQuestion)
                        .size(),
                folds.k());
        for (double high : HIGH) {
            Calibration c = withBands(Calibration.DEFAULT, high);
            System.out.printf("  high >= %.2f: %s%n", high, bands(samples, outOfFold, c));
        }
        System.out.println("with the default bands, per fold (High precision): "
                + folds.score(qs -> precision(qs, byQuestion, outOfFold, Calibration.DEFAULT, Confidence.HIGH)));

        triage(samples, byQuestion, outOfFold, folds);

        List<double[]> thresholds = new ArrayList<>();
        for (double plain : MIN_COVERAGE) {
            for (double foreign : MIN_COVERAGE_FOREIGN) {
                if (foreign >= plain) {
                    thresholds.add(new double[] {plain, foreign});
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
        chosen.chosen()
                .forEach(t -> System.out.printf("  chose minCoverage %.2f, with foreign words %.2f%n", t[0], t[1]));
        List<EvalQuestion> all = samples.stream().map(Sample::question).toList();
        double[] best = thresholds.stream()
                .reduce((x, y) -> abstentionScore(all, byQuestion, y) > abstentionScore(all, byQuestion, x) ? y : x)
                .orElseThrow();
        System.out.printf("chosen on all: minCoverage %.2f, with foreign words %.2f%n", best[0], best[1]);
        double[] t = {Calibration.DEFAULT.minCoverage(), Calibration.DEFAULT.minCoverageWithForeign()};
        System.out.printf(
                "default abstention: answered %.3f of answerable, abstained %.3f of no-answer%n",
                answeredShare(samples, t), abstainedShare(samples, t));

        double[] w = fit(answerable(samples.stream().map(Sample::question).toList(), byQuestion));
        System.out.printf(
                "fit on all: intercept %.3f, runbook %.3f, section %.3f, margin %.3f%n", w[3], w[0], w[1], w[2]);
        for (String[] pasted : List.of(
                new String[] {"corpus", "pasted-dev.jsonl"}, new String[] {"seeds", "pasted-seeds-dev.jsonl"})) {
            Path file = Path.of("src/test/resources/eval", pasted[1]);
            if (Files.exists(file)) {
                List<Sample> blocks = samples(shared.resolve(pasted[0]), file);
                Map<EvalQuestion, Double> p = new HashMap<>();
                blocks.forEach(b -> p.put(b.question(), probability(w, b.features())));
                System.out.printf(
                        "%s (not fitted on; variants of the dev error lines): %s%n",
                        pasted[1], bands(blocks, p, Calibration.DEFAULT));
            }
        }
    }

    /** {@code --explain FOLDER QUESTION...}: the evidence, probability and band of each question. */
    private static void explain(Path runbooks, List<String> questions) {
        LoadResult loaded = new RunbookLoader().load(runbooks);
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT);
            for (String q : questions) {
                var ranked = search.ranked(q, 5);
                Evidence e = ranked.evidence();
                System.out.printf(
                        "%s%n  %s%n  p=%.3f %s; first: %s%n",
                        q,
                        e,
                        Calibration.DEFAULT.probability(e),
                        Calibration.DEFAULT.band(e),
                        ranked.hits().isEmpty()
                                ? "-"
                                : ranked.hits().get(0).section().location());
            }
        }
    }

    private static final double[] MEDIUM = {0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70};
    private static final double TRIAGE_PRECISION = 0.85;

    /**
     * Incident triage answers unasked at Medium or High. For each Medium boundary: the share of
     * the dev symptom and error reports it answers unasked and the share of those right, from
     * out-of-fold probabilities; then the boundary chosen on four folds (most answered while at
     * least {@link #TRIAGE_PRECISION} right) scored on the fifth.
     */
    private static void triage(
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
        Calibration withMedium = new Calibration(
                c.intercept(),
                c.runbookWeight(),
                c.sectionWeight(),
                c.marginWeight(),
                c.high(),
                medium,
                c.minCoverage(),
                c.minCoverageWithForeign());
        return io.runbookbot.core.chat.IncidentTriage.readsLikeSymptom(
                        s.question().question())
                && !withMedium.abstains(s.evidence())
                && band(s, p, withMedium) != Confidence.LOW;
    }

    /** The dev questions of the corpus and of the seeds, as the calibration sees them. */
    static List<Sample> devSamples(Path shared) {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(samples(shared.resolve("corpus"), shared.resolve("eval/dev.jsonl")));
        samples.addAll(samples(shared.resolve("seeds"), shared.resolve("eval/seeds-dev.jsonl")));
        return samples;
    }

    /** Each question's probability from the model fitted on the other folds. */
    static Map<EvalQuestion, Double> outOfFold(CrossValidation folds, Map<EvalQuestion, Sample> byQuestion) {
        Map<EvalQuestion, Double> outOfFold = new HashMap<>();
        for (int i = 0; i < folds.k(); i++) {
            double[] w = fit(answerable(folds.train(i), byQuestion));
            for (EvalQuestion q : folds.test(i)) {
                outOfFold.put(q, probability(w, byQuestion.get(q).features()));
            }
        }
        return outOfFold;
    }

    private static List<Sample> samples(Path runbooks, Path questions) {
        LoadResult loaded = new RunbookLoader().load(runbooks);
        List<EvalQuestion> qs = EvalSet.read(questions);
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT);
            EvalReport report = new Evaluator(search, loaded.runbooks()).evaluate(qs);
            List<Sample> out = new ArrayList<>();
            for (int i = 0; i < qs.size(); i++) {
                Outcome o = report.outcomes().get(i);
                out.add(new Sample(
                        qs.get(i), search.ranked(qs.get(i).question(), 5).evidence(), o.rankedAt() == 1));
            }
            return out;
        }
    }

    private static List<Sample> answerable(List<EvalQuestion> qs, Map<EvalQuestion, Sample> byQuestion) {
        return qs.stream().filter(EvalQuestion::answerable).map(byQuestion::get).toList();
    }

    private static Calibration withAbstention(Calibration c, double[] t) {
        return new Calibration(
                c.intercept(),
                c.runbookWeight(),
                c.sectionWeight(),
                c.marginWeight(),
                c.high(),
                c.medium(),
                t[0],
                t[1]);
    }

    private static Calibration withBands(Calibration c, double high) {
        return new Calibration(
                c.intercept(),
                c.runbookWeight(),
                c.sectionWeight(),
                c.marginWeight(),
                high,
                c.medium(),
                c.minCoverage(),
                c.minCoverageWithForeign());
    }

    /** Each band's share of answered questions and precision, from out-of-fold probabilities. */
    private static String bands(List<Sample> samples, Map<EvalQuestion, Double> p, Calibration c) {
        StringBuilder out = new StringBuilder();
        List<EvalQuestion> qs = samples.stream().map(Sample::question).toList();
        Map<EvalQuestion, Sample> by = new IdentityHashMap<>();
        samples.forEach(s -> by.put(s.question(), s));
        for (Confidence band : Confidence.values()) {
            List<Sample> in = answerable(qs, by).stream()
                    .filter(s -> !abstains(s, c) && band(s, p, c) == band)
                    .toList();
            long right = in.stream().filter(Sample::right).count();
            out.append(String.format(
                    "%s %d (%.3f right)  ", band.label(), in.size(), in.isEmpty() ? 0 : (double) right / in.size()));
        }
        return out.toString();
    }

    static double precision(
            List<EvalQuestion> qs,
            Map<EvalQuestion, Sample> by,
            Map<EvalQuestion, Double> p,
            Calibration c,
            Confidence band) {
        List<Sample> in = answerable(qs, by).stream()
                .filter(s -> !abstains(s, c) && band(s, p, c) == band)
                .toList();
        return in.isEmpty() ? 1 : (double) in.stream().filter(Sample::right).count() / in.size();
    }

    private static Confidence band(Sample s, Map<EvalQuestion, Double> p, Calibration c) {
        return c.band(s.evidence(), p.get(s.question()));
    }

    private static boolean abstains(Sample s, Calibration c) {
        return c.abstains(s.evidence());
    }

    private static boolean abstains(Sample s, double[] t) {
        return withAbstention(Calibration.DEFAULT, t).abstains(s.evidence());
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

    private static double share(List<Sample> in, Predicate<Sample> of, Predicate<Sample> which) {
        List<Sample> pool = in.stream().filter(of).toList();
        return pool.isEmpty() ? 1 : (double) pool.stream().filter(which).count() / pool.size();
    }

    static double probability(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Logistic regression by Newton's method with a light L2 penalty (not on the intercept). */
    static double[] fit(List<Sample> samples) {
        int d = 3;
        double[] w = new double[d + 1];
        double l2 = 1.0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (Sample s : samples) {
                double[] x = extend(s.features());
                double p = probability(w, s.features());
                double y = s.right() ? 1 : 0;
                for (int i = 0; i <= d; i++) {
                    g[i] += (p - y) * x[i];
                    for (int j = 0; j <= d; j++) {
                        h[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                g[i] += l2 * w[i];
                h[i][i] += l2;
            }
            h[d][d] += 1e-6;
            double[] step = solve(h, g);
            double size = 0;
            for (int i = 0; i <= d; i++) {
                w[i] -= step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    private static double[] extend(double[] x) {
        double[] out = new double[x.length + 1];
        System.arraycopy(x, 0, out, 0, x.length);
        out[x.length] = 1;
        return out;
    }

    /** Gaussian elimination with partial pivoting; the systems here are 4 x 4. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
