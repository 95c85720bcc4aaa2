package io.runbookbot.search;

import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;

/** Development tool, not a test: prints eval figures for ranking variants on the dev sets. */
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
                for (String q : List.of("sentry: Errno::EHOSTUNREACH Sidekiq/ReactiveCachingWorker, sidekiq error ratio over SLO",
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
                dev.stream().map(q -> {
                    long t = System.nanoTime();
                    for (int i = 0; i < 20; i++) {
                        search.ask(q.question(), 5);
                    }
                    return String.format("%6.2f ms %s", (System.nanoTime() - t) / 20e6, q.question());
                }).sorted(java.util.Comparator.reverseOrder()).limit(15).forEach(System.out::println);
                return;
            }
            if (System.getProperty("conf") != null) {
                LuceneRunbookSearch search = new LuceneRunbookSearch(ci, Ranking.DEFAULT);
                var reader = ci.runbookSearcher().getIndexReader();
                var an = io.runbookbot.search.analysis.RunbookAnalyzers.incidentEnglishQuery();
                dev.stream().map(q -> {
                    try {
                        return String.format("%.3f %s %s %s", search.ask(q.question(), 5).confidence(), q.kind(),
                                QueryTerms.of(q.question(), an, reader, new Vocabulary(reader)).unknown(), q.question());
                    } catch (java.io.IOException e) {
                        throw new RuntimeException(e);
                    }
                }).sorted().forEach(System.out::println);
                return;
            }
            for (Ranking r : variants()) {
                EvalReport c = new Evaluator(new LuceneRunbookSearch(ci, r), corpus.runbooks()).evaluate(dev);
                EvalReport s = new Evaluator(new LuceneRunbookSearch(si, r), seeds.runbooks()).evaluate(seedDev);
                System.out.printf("%s%n  corpus h1 %.3f h3 %.3f mrr %.3f ans %.3f abst %.3f | seeds h1 %.3f h3 %.3f ans %.3f%n",
                        r, c.overall().hit1(), c.overall().hit3(), c.overall().mrr5(), c.overall().answeredRate(),
                        c.overall().abstainRate(), s.overall().hit1(), s.overall().hit3(), s.overall().answeredRate());
                if (System.getProperty("verbose") != null) {
                    System.out.print(c.table());
                    System.out.print(s.table());
                }
            }
        }
    }

    private static List<Ranking> variants() {
        Ranking d = Ranking.DEFAULT;
        List<Ranking> out = new java.util.ArrayList<>();
        out.add(d);
        return out;
    }
}
