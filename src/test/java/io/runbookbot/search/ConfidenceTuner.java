package io.runbookbot.search;

import static io.runbookbot.search.LogisticRegression.probability;

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
 *
 * <p>The parts: {@link TriageTuning} (the Medium boundary incident triage answers at), {@link
 * AbstentionTuning} (the abstention thresholds), {@link LogisticRegression} (the fit).
 */
public final class ConfidenceTuner {
    private static final double[] HIGH = {0.70, 0.75, 0.80, 0.85, 0.86, 0.87, 0.88, 0.89, 0.90};

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
        Calibration d = Calibration.DEFAULT;
        for (double high : HIGH) {
            Calibration c = withThresholds(d, high, d.medium(), d.minCoverage(), d.minCoverageWithForeign());
            System.out.printf("  high >= %.2f: %s%n", high, bands(samples, outOfFold, c));
        }
        System.out.println("with the default bands, per fold (High precision): "
                + folds.score(qs -> precision(qs, byQuestion, outOfFold, Calibration.DEFAULT, Confidence.HIGH)));

        TriageTuning.print(samples, byQuestion, outOfFold, folds);
        AbstentionTuning.print(samples, byQuestion, folds);

        double[] w = fit(answerable(samples.stream().map(Sample::question).toList(), byQuestion));
        System.out.printf(
                "fit on all: intercept %.3f, runbook %.3f, section %.3f, margin %.3f%n", w[3], w[0], w[1], w[2]);
        for (String[] pasted : List.of(
                new String[] {"corpus", "pasted-dev.jsonl"}, new String[] {"seeds", "pasted-seeds-dev.jsonl"})) {
            Path file = Path.of("src/test/resources/eval", pasted[1]);
            if (Files.exists(file)) {
                List<Sample> blocks;
                try (IndexedRunbooks indexed = IndexedRunbooks.open(shared.resolve(pasted[0]))) {
                    blocks = samples(indexed, file);
                }
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

    /** The dev questions of the corpus and of the seeds, as the calibration sees them. */
    static List<Sample> devSamples(Path shared) {
        try (IndexedRunbooks corpus = IndexedRunbooks.open(shared.resolve("corpus"));
                IndexedRunbooks seeds = IndexedRunbooks.open(shared.resolve("seeds"))) {
            return devSamples(corpus, seeds, shared);
        }
    }

    /** As {@link #devSamples(Path)}, on the indexes the test JVM already holds ({@link SharedIndexes}). */
    static List<Sample> devSamples() {
        return devSamples(SharedIndexes.of("corpus"), SharedIndexes.of("seeds"), SharedIndexes.SHARED);
    }

    private static List<Sample> devSamples(IndexedRunbooks corpus, IndexedRunbooks seeds, Path shared) {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(samples(corpus, shared.resolve("eval/dev.jsonl")));
        samples.addAll(samples(seeds, shared.resolve("eval/seeds-dev.jsonl")));
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

    private static List<Sample> samples(IndexedRunbooks indexed, Path questions) {
        List<EvalQuestion> qs = EvalSet.read(questions);
        LuceneRunbookSearch search = indexed.search();
        EvalReport report = new Evaluator(search, indexed.runbooks()).evaluate(qs);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Outcome o = report.outcomes().get(i);
            out.add(new Sample(qs.get(i), search.ranked(qs.get(i).question(), 5).evidence(), o.rankedAt() == 1));
        }
        return out;
    }

    private static List<Sample> answerable(List<EvalQuestion> qs, Map<EvalQuestion, Sample> byQuestion) {
        return qs.stream().filter(EvalQuestion::answerable).map(byQuestion::get).toList();
    }

    /** The calibration {@code c} with other bands and abstention thresholds. */
    static Calibration withThresholds(
            Calibration c, double high, double medium, double minCoverage, double minCoverageWithForeign) {
        return withThresholds(c, high, medium, minCoverage, minCoverageWithForeign, c.minSpecificity());
    }

    /** The same, with another specificity threshold. */
    static Calibration withThresholds(
            Calibration c,
            double high,
            double medium,
            double minCoverage,
            double minCoverageWithForeign,
            double minSpecificity) {
        return new Calibration(
                c.intercept(),
                c.runbookWeight(),
                c.sectionWeight(),
                c.marginWeight(),
                high,
                medium,
                minCoverage,
                minCoverageWithForeign,
                minSpecificity);
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

    static Confidence band(Sample s, Map<EvalQuestion, Double> p, Calibration c) {
        return c.band(s.evidence(), p.get(s.question()));
    }

    private static boolean abstains(Sample s, Calibration c) {
        return c.abstains(s.evidence());
    }

    /** Among the samples that are {@code of}, the share that are {@code which} (1 when none are). */
    static double share(List<Sample> in, Predicate<Sample> of, Predicate<Sample> which) {
        List<Sample> pool = in.stream().filter(of).toList();
        return pool.isEmpty() ? 1 : (double) pool.stream().filter(which).count() / pool.size();
    }

    private static double[] fit(List<Sample> samples) {
        return LogisticRegression.fit(
                samples.stream().map(Sample::features).toList(),
                samples.stream().map(Sample::right).toList());
    }
}
