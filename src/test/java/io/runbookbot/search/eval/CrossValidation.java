package io.runbookbot.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * k-fold cross-validation over a question set, for tuning tools. The split is deterministic (a
 * seeded shuffle of the questions sorted by id) and stratified by kind: each kind is dealt round the
 * folds in turn, so every fold holds about the same share of each kind.
 *
 * <p>{@link #score} reports how a fixed configuration varies over folds; {@link #select} is the
 * honest figure for a tuning procedure: on each fold it picks the best variant on the other folds
 * and scores that variant on the held-out fold only.
 */
public final class CrossValidation {
    public static final int FOLDS = 5;
    public static final long SEED = 20261128L;

    private final List<List<EvalQuestion>> folds;

    private CrossValidation(List<List<EvalQuestion>> folds) {
        this.folds = folds;
    }

    /** {@link #FOLDS} folds with the fixed {@link #SEED}. */
    public static CrossValidation of(List<EvalQuestion> questions) {
        return of(questions, FOLDS, SEED);
    }

    public static CrossValidation of(List<EvalQuestion> questions, int k, long seed) {
        if (k < 2 || k > questions.size()) {
            throw new IllegalArgumentException("k must be between 2 and the number of questions: " + k);
        }
        Map<String, List<EvalQuestion>> byKind = new TreeMap<>();
        questions.stream()
                .sorted(Comparator.comparing(EvalQuestion::id))
                .forEach(q ->
                        byKind.computeIfAbsent(q.kind(), x -> new ArrayList<>()).add(q));
        List<List<EvalQuestion>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<EvalQuestion> kind : byKind.values()) {
            java.util.Collections.shuffle(kind, random);
            for (EvalQuestion q : kind) {
                folds.get(next++ % k).add(q);
            }
        }
        return new CrossValidation(folds.stream().map(List::copyOf).toList());
    }

    public int k() {
        return folds.size();
    }

    /** The held-out questions of fold {@code i}. */
    public List<EvalQuestion> test(int i) {
        return folds.get(i);
    }

    /** Every question not in fold {@code i}. */
    public List<EvalQuestion> train(int i) {
        List<EvalQuestion> out = new ArrayList<>();
        for (int j = 0; j < folds.size(); j++) {
            if (j != i) {
                out.addAll(folds.get(j));
            }
        }
        return out;
    }

    /** The figures of an evaluation restricted to some of its questions (a fold), without searching again. */
    public static Metrics metrics(EvalReport report, List<EvalQuestion> questions) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        questions.forEach(q -> ids.add(q.id()));
        return Metrics.of(
                report.outcomes().stream().filter(o -> ids.contains(o.id())).toList());
    }

    /** One fixed configuration scored on each held-out fold. */
    public Spread score(ToDoubleFunction<List<EvalQuestion>> scoring) {
        double[] perFold = new double[folds.size()];
        for (int i = 0; i < perFold.length; i++) {
            perFold[i] = scoring.applyAsDouble(test(i));
        }
        return new Spread(perFold);
    }

    /**
     * Per fold: the variant scoring best on the training folds (the first one on a tie), then its
     * score on the held-out fold. What a tuning run may claim is this spread, not the best variant's
     * score on the whole set.
     */
    public <V> Selection<V> select(List<V> variants, BiFunction<V, List<EvalQuestion>, Double> scoring) {
        return select(variants, scoring, scoring);
    }

    /**
     * As {@link #select(List, BiFunction)}, choosing by {@code choosing} on the training folds (which
     * may rule a variant out with {@link Double#NEGATIVE_INFINITY}, such as a constraint) and
     * reporting {@code scoring} on the held-out fold.
     */
    public <V> Selection<V> select(
            List<V> variants,
            BiFunction<V, List<EvalQuestion>, Double> choosing,
            BiFunction<V, List<EvalQuestion>, Double> scoring) {
        List<V> chosen = new ArrayList<>();
        double[] heldOut = new double[folds.size()];
        for (int i = 0; i < folds.size(); i++) {
            List<EvalQuestion> train = train(i);
            V best = variants.get(0);
            double bestScore = Double.NEGATIVE_INFINITY;
            for (V v : variants) {
                double s = choosing.apply(v, train);
                if (s > bestScore) {
                    best = v;
                    bestScore = s;
                }
            }
            chosen.add(best);
            heldOut[i] = scoring.apply(best, test(i));
        }
        return new Selection<>(List.copyOf(chosen), new Spread(heldOut));
    }

    /** Figures over folds: each fold's, their mean, min, max and (population) standard deviation. */
    public record Spread(double[] perFold) {
        public Spread {
            perFold = perFold.clone();
        }

        public double mean() {
            return java.util.Arrays.stream(perFold).average().orElse(0);
        }

        public double min() {
            return java.util.Arrays.stream(perFold).min().orElse(0);
        }

        public double max() {
            return java.util.Arrays.stream(perFold).max().orElse(0);
        }

        public double stddev() {
            double mean = mean();
            return Math.sqrt(java.util.Arrays.stream(perFold)
                    .map(x -> (x - mean) * (x - mean))
                    .average()
                    .orElse(0));
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(
                    String.format("mean %.3f sd %.3f min %.3f max %.3f | folds", mean(), stddev(), min(), max()));
            for (double f : perFold) {
                out.append(String.format(" %.3f", f));
            }
            return out.toString();
        }
    }

    /** What {@link #select} chose on each fold, and the held-out scores of those choices. */
    public record Selection<V>(List<V> chosen, Spread heldOut) {}
}
