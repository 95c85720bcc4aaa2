package io.runbookbot.search;

import io.runbookbot.search.eval.CrossValidation;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development tool, not a test: prints eval figures for ranking variants on the dev sets, each with
 * its hit@1 over {@link CrossValidation#FOLDS} stratified folds, and the held-out hit@1 of choosing
 * the best variant on the other folds (the figure a tuning change may claim; see docs/eval.md).
 */
public final class RankingTuner {
    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        LoadResult corpus = new RunbookLoader().load(shared.resolve("corpus"));
        LoadResult seeds = new RunbookLoader().load(shared.resolve("seeds"));
        List<EvalQuestion> dev = EvalSet.read(shared.resolve("eval/dev.jsonl"));
        List<EvalQuestion> seedDev = EvalSet.read(shared.resolve("eval/seeds-dev.jsonl"));
        try (RunbookIndex ci = RunbookIndexer.build(corpus.runbooks());
                RunbookIndex si = RunbookIndexer.build(seeds.runbooks())) {
            if (System.getProperty("terms") != null) {
                var reader = ci.runbookSearcher().getIndexReader();
                var an = io.runbookbot.search.analysis.RunbookAnalyzers.incidentEnglishQuery();
                var voc = new Vocabulary(reader);
                for (String q : List.of(
                        "sentry: Errno::EHOSTUNREACH Sidekiq/ReactiveCachingWorker, sidekiq error ratio over SLO",
                        "wireguard tunnel between the two offices shows handshake ok but no traffic passes")) {
                    try {
                        for (int i = 0; i < 200; i++) {
                            QueryTerms.of(q, an, reader, voc);
                        }
                        long t = System.nanoTime();
                        for (int i = 0; i < 200; i++) {
                            QueryTerms.of(q, an, reader, voc);
                        }
                        System.out.printf("%.3f ms terms of %s%n", (System.nanoTime() - t) / 200e6, q);
                    } catch (java.io.IOException e) {
                        throw new RuntimeException(e);
                    }
                }
                return;
            }
            if (System.getProperty("slow") != null) {
                LuceneRunbookSearch search = new LuceneRunbookSearch(ci, Ranking.DEFAULT);
                for (int i = 0; i < 10; i++) {
                    dev.forEach(q -> search.ask(q.question(), 5));
                }
                dev.stream()
                        .map(q -> {
                            long t = System.nanoTime();
                            for (int i = 0; i < 20; i++) {
                                search.ask(q.question(), 5);
                            }
                            return String.format("%6.2f ms %s", (System.nanoTime() - t) / 20e6, q.question());
                        })
                        .sorted(java.util.Comparator.reverseOrder())
                        .limit(15)
                        .forEach(System.out::println);
                return;
            }
            if (System.getProperty("conf") != null) {
                LuceneRunbookSearch search = new LuceneRunbookSearch(ci, Ranking.DEFAULT);
                var reader = ci.runbookSearcher().getIndexReader();
                var an = io.runbookbot.search.analysis.RunbookAnalyzers.incidentEnglishQuery();
                dev.stream()
                        .map(q -> {
                            try {
                                return String.format(
                                        "%.3f %s %s %s",
                                        search.ask(q.question(), 5).confidence(),
                                        q.kind(),
                                        QueryTerms.of(q.question(), an, reader, new Vocabulary(reader))
                                                .unknown(),
                                        q.question());
                            } catch (java.io.IOException e) {
                                throw new RuntimeException(e);
                            }
                        })
                        .sorted()
                        .forEach(System.out::println);
                return;
            }
            CrossValidation corpusFolds = CrossValidation.of(dev);
            CrossValidation seedFolds = CrossValidation.of(seedDev);
            Map<Ranking, EvalReport> corpusReports = new LinkedHashMap<>();
            Map<Ranking, EvalReport> seedReports = new LinkedHashMap<>();
            for (Ranking r : variants()) {
                EvalReport c = new Evaluator(new LuceneRunbookSearch(ci, r), corpus.runbooks()).evaluate(dev);
                EvalReport s = new Evaluator(new LuceneRunbookSearch(si, r), seeds.runbooks()).evaluate(seedDev);
                corpusReports.put(r, c);
                seedReports.put(r, s);
                System.out.printf(
                        "%s%n  corpus h1 %.3f h3 %.3f mrr %.3f ans %.3f withheld %d abst %.3f"
                                + " | seeds h1 %.3f h3 %.3f ans %.3f withheld %d%n",
                        r,
                        c.overall().hit1(),
                        c.overall().hit3(),
                        c.overall().mrr5(),
                        c.overall().answeredRate(),
                        c.overall().withheld(),
                        c.overall().abstainRate(),
                        s.overall().hit1(),
                        s.overall().hit3(),
                        s.overall().answeredRate(),
                        s.overall().withheld());
                printFolds("corpus", corpusFolds, c, dev);
                printFolds("seeds", seedFolds, s, seedDev);
                if (System.getProperty("verbose") != null) {
                    System.out.print(c.table());
                    System.out.print(s.table());
                }
            }
            printSelection(
                    "corpus",
                    corpusFolds.select(
                            variants(),
                            (r, qs) -> CrossValidation.metrics(corpusReports.get(r), qs)
                                    .hit1()));
            printSelection(
                    "seeds",
                    seedFolds.select(
                            variants(),
                            (r, qs) -> CrossValidation.metrics(seedReports.get(r), qs)
                                    .hit1()));
            printSelection(
                    "corpus+seeds (one variant for both)",
                    selectForBoth(corpusFolds, seedFolds, corpusReports, seedReports, dev.size(), seedDev.size()));
        }
    }

    /** hit@1, hit@3 and MRR@5 over the folds, overall and per kind. */
    private static void printFolds(String set, CrossValidation folds, EvalReport report, List<EvalQuestion> questions) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        questions.stream().filter(EvalQuestion::answerable).forEach(q -> kinds.add(q.kind()));
        List<String> rows = new java.util.ArrayList<>();
        rows.add("all");
        rows.addAll(kinds);
        for (String kind : rows) {
            java.util.function.Function<List<EvalQuestion>, io.runbookbot.search.eval.Metrics> m =
                    qs -> CrossValidation.metrics(
                            report,
                            qs.stream()
                                    .filter(q -> kind.equals("all") || q.kind().equals(kind))
                                    .toList());
            System.out.printf(
                    "  %-6s %-13s hit@1 %s%n  %-6s %-13s hit@3 %s%n  %-6s %-13s MRR5  %s%n",
                    set,
                    kind,
                    folds.score(qs -> m.apply(qs).hit1()),
                    "",
                    "",
                    folds.score(qs -> m.apply(qs).hit3()),
                    "",
                    "",
                    folds.score(qs -> m.apply(qs).mrr5()));
        }
    }

    /**
     * One variant for both sets: per fold i, the variant with the best hit@1 over the training folds
     * of both sets (weighted by their sizes), scored on held-out fold i of the corpus and the seeds
     * together.
     */
    private static CrossValidation.Selection<Ranking> selectForBoth(
            CrossValidation cf,
            CrossValidation sf,
            Map<Ranking, EvalReport> cr,
            Map<Ranking, EvalReport> sr,
            int cn,
            int sn) {
        List<Ranking> chosen = new java.util.ArrayList<>();
        double[] heldOut = new double[cf.k()];
        for (int i = 0; i < cf.k(); i++) {
            Ranking best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Ranking r : variants()) {
                double score = both(cr.get(r), cf.train(i), sr.get(r), sf.train(i));
                if (score > bestScore) {
                    best = r;
                    bestScore = score;
                }
            }
            chosen.add(best);
            heldOut[i] = both(cr.get(best), cf.test(i), sr.get(best), sf.test(i));
        }
        return new CrossValidation.Selection<>(chosen, new CrossValidation.Spread(heldOut));
    }

    private static double both(EvalReport c, List<EvalQuestion> cq, EvalReport s, List<EvalQuestion> sq) {
        var cm = CrossValidation.metrics(c, cq);
        var sm = CrossValidation.metrics(s, sq);
        return (cm.hit1() * cm.answerable() + sm.hit1() * sm.answerable()) / (cm.answerable() + sm.answerable());
    }

    /** The cross-validated figure of picking the best variant: chosen on k-1 folds, scored on the held-out one. */
    private static void printSelection(String set, CrossValidation.Selection<Ranking> selection) {
        System.out.println(set + " hit@1 of the variant chosen on the other folds, held-out: " + selection.heldOut());
        for (int i = 0; i < selection.chosen().size(); i++) {
            System.out.println("  fold " + i + " chose " + selection.chosen().get(i));
        }
    }

    /**
     * check x fix (the priors of Diagnosis-only and Mitigation-only sections for questions that ask
     * for nothing in words) x lead-name discount (1: off); the rest as in {@link Ranking#DEFAULT}.
     * The first variant is the ranking before either was added.
     */
    /**
     * The field weights: the runbook title and file path words, the runbook's own relevance added to
     * each section, the coverage exponent, then the heading and enclosing-heading weights, then
     * BM25's k1 and b (the default first, so ties keep it).
     */
    private static List<Ranking> variants() {
        Ranking d = Ranking.DEFAULT;
        List<Ranking> out = new java.util.ArrayList<>();
        out.add(d);
        for (float title : new float[] {d.title(), 1.5f, 2.0f}) {
            for (float runbook : new float[] {d.runbook(), 1.0f, 2.0f}) {
                for (float coverage : new float[] {d.coverage(), 0.75f, 1.0f}) {
                    Ranking r = RankingVariant.of(d)
                            .title(title)
                            .runbook(runbook)
                            .coverage(coverage)
                            .build();
                    if (!out.contains(r)) {
                        out.add(r);
                    }
                }
            }
        }
        for (float heading : new float[] {d.heading(), 0.5f, 1.5f, 2.0f}) {
            for (float path : new float[] {d.path(), 0.25f, 1.0f}) {
                Ranking r = RankingVariant.of(d).heading(heading).path(path).build();
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        for (float k1 : new float[] {d.k1(), 0.9f, 1.5f}) {
            for (float b : new float[] {d.b(), 0.5f, 0.9f}) {
                Ranking r = RankingVariant.of(d).k1(k1).b(b).build();
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
