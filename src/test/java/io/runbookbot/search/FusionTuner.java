package io.runbookbot.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.embed.EmbeddingCache;
import io.runbookbot.search.embed.SectionEmbeddings;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Dev tool: tries fusion rules for keyword + MiniLM candidates on a question set. Needs the cache
 * filled by HybridEvalTool. Arguments: runbooks folder, question file, cache folder. Ends with the
 * cross-validated figure of choosing a rule (best on k-1 folds, scored on the held-out fold).
 */
public final class FusionTuner {
    record Cands(List<SectionHit> kw, List<SectionHit> vec, Answer lexical, double coverage) {
    }

    public static void main(String[] args) throws Exception {
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        EmbeddingCache cache = EmbeddingCache.open(Path.of(args[2]), "all-minilm");
        SectionEmbeddings se = new SectionEmbeddings(new io.runbookbot.search.embed.Embedder() {
            public String model() { return "all-minilm"; }
            public List<float[]> embed(List<String> t) { throw new IllegalStateException(); }
        }, cache);
        List<float[]> vectors;
        if (args.length > 3) {
            int max = Integer.parseInt(args[3]);
            EmbeddingModel m = new AllMiniLmL6V2QuantizedEmbeddingModel();
            long t0 = System.nanoTime();
            vectors = m.embedAll(units.stream().map(u -> dev.langchain4j.data.segment.TextSegment.from(text(u, max))).toList())
                    .content().stream().map(e -> e.vector()).toList();
            System.out.printf("embedded %d sections (max %d chars) in %.1f s%n", units.size(), max, (System.nanoTime() - t0) / 1e9);
        } else {
            vectors = se.cached(units).orElseThrow();
        }
        RunbookIndex index = RunbookIndexer.build(loaded.runbooks(), units, vectors);
        LuceneRunbookSearch s = new LuceneRunbookSearch(index, Ranking.DEFAULT);
        EmbeddingModel minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<EvalQuestion> qs = EvalSet.read(Path.of(args[1]));
        Map<String, Cands> cands = new HashMap<>();
        for (EvalQuestion q : qs) {
            cands.put(q.question(), new Cands(s.ask(q.question(), Ranking.DEFAULT.candidates()).hits(),
                    s.nearest(minilm.embed(q.question()).content().vector()), s.ask(q.question(), 5),
                    s.ranked(q.question(), 5).evidence().runbookCoverage()));
        }
        Map<String, EvalReport> reports = new LinkedHashMap<>();
        reports.put("keyword", report("keyword", qs, loaded, cands, (kw, vec) -> kw));
        reports.put("vector only", report("vector only", qs, loaded, cands, (kw, vec) -> vec));
        for (double a : new double[] {0.2, 0.3, 0.5, 0.8}) {
            for (double p : new double[] {1, 2}) {
                for (double t : new double[] {0.5, 0.7, 0.8, 0.9, 0.99}) {
                    String name = "gate t=" + t + " a=" + a + " p=" + p;
                    reports.put(name, report(name, qs, loaded, cands,
                            (kw, vec) -> kw.isEmpty() || confidence(cands, kw) >= t ? kw : linear(kw, vec, a, p)));
                }
            }
        }
        for (double a : new double[] {0.2, 0.3, 0.5, 0.8}) {
            for (double m : new double[] {1.05, 1.1, 1.2, 1.4}) {
                String name = "margin m=" + m + " a=" + a;
                reports.put(name, report(name, qs, loaded, cands,
                        (kw, vec) -> kw.size() > 1 && kw.get(0).score() / kw.get(1).score() >= m ? kw : linear(kw, vec, a, 1)));
            }
        }
        crossValidate(qs, reports);
    }

    /**
     * Per fold of {@link CrossValidation}: the rule with the best hit@1 on the other folds and its hit@1
     * on the held-out fold; then keyword alone over the same folds. Only the held-out spread may be
     * claimed for a chosen rule.
     */
    static void crossValidate(List<EvalQuestion> qs, Map<String, EvalReport> reports) {
        CrossValidation folds = CrossValidation.of(qs);
        CrossValidation.Selection<String> chosen = folds.select(List.copyOf(reports.keySet()),
                (name, fold) -> CrossValidation.metrics(reports.get(name), fold).hit1());
        for (int i = 0; i < folds.k(); i++) {
            System.out.printf("fold %d (%d questions): chose %-22s held-out hit1=%.3f%n", i, folds.test(i).size(),
                    chosen.chosen().get(i), chosen.heldOut().perFold()[i]);
        }
        System.out.println("chosen rule, held-out hit@1: " + chosen.heldOut());
        System.out.println("keyword,     held-out hit@1: "
                + folds.score(fold -> CrossValidation.metrics(reports.get("keyword"), fold).hit1()));
    }

    static String text(RunbookSection u, int max) {
        String body = u.text();
        int nl = body.indexOf('\n');
        body = nl < 0 ? "" : body.substring(nl + 1).strip();
        String t = String.join(" > ", u.path()) + "\n" + body;
        if (!u.path().isEmpty() && !u.path().get(0).equals(u.title())) {
            t = u.title() + " > " + t;
        }
        return t.length() > max ? t.substring(0, max) : t;
    }

    static double confidence(Map<String, Cands> cands, List<SectionHit> kw) {
        for (Cands c : cands.values()) {
            if (c.kw() == kw) {
                return c.coverage();
            }
        }
        return 0;
    }

    /** lexical score / max + a * ((cos - min) / (max - min))^p over the vector list. */
    static List<SectionHit> linear(List<SectionHit> kw, List<SectionHit> vec, double a, double p) {
        if (kw.isEmpty()) {
            return vec;
        }
        double maxKw = kw.get(0).score();
        double maxV = vec.isEmpty() ? 1 : vec.get(0).score();
        double minV = vec.isEmpty() ? 0 : vec.get(vec.size() - 1).score();
        Map<RunbookSection, Double> v = new IdentityHashMap<>();
        vec.forEach(h -> v.put(h.section(), h.score()));
        Map<RunbookSection, Double> score = new IdentityHashMap<>();
        kw.forEach(h -> score.put(h.section(), h.score() / maxKw));
        vec.forEach(h -> score.putIfAbsent(h.section(), 0.0));
        List<SectionHit> out = new ArrayList<>();
        score.forEach((sec, sc) -> {
            double cos = v.getOrDefault(sec, minV);
            double norm = maxV == minV ? 0 : (cos - minV) / (maxV - minV);
            out.add(new SectionHit(sec, sc + a * Math.pow(norm, p)));
        });
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
        return out;
    }

    static EvalReport report(String name, List<EvalQuestion> qs, LoadResult loaded, Map<String, Cands> cands,
                       BiFunction<List<SectionHit>, List<SectionHit>, List<SectionHit>> fuse) {
        EvalReport r = new Evaluator((q, n) -> {
            Cands c = cands.get(q);
            List<SectionHit> f = fuse.apply(c.kw(), c.vec());
            return new Answer(q, c.lexical().answered(), f.subList(0, Math.min(n, f.size())), c.lexical().confidence());
        }, loaded.runbooks()).evaluate(qs);
        StringBuilder kinds = new StringBuilder();
        r.byKind().forEach((k, m) -> { if (m.answerable() > 0) kinds.append(String.format(" %s=%.3f", k, m.hit1())); });
        System.out.printf("%-22s hit1=%.3f hit3=%.3f mrr=%.3f |%s%n", name, r.overall().hit1(), r.overall().hit3(),
                r.overall().mrr5(), kinds);
        return r;
    }
}
