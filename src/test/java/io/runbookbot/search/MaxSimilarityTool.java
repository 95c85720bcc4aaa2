package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.embed.Embedder;
import io.runbookbot.search.embed.EmbeddingCache;
import io.runbookbot.search.embed.QueryEmbedder;
import io.runbookbot.search.embed.SectionEmbeddings;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Dev tool, not a test: could the vectors help abstention? Prints, per question of a dev set, the
 * best similarity to any section (all-MiniLM-L6-v2, the nearest-section score) and whether it is a
 * no-answer question, sorted, so one can see whether a threshold separates the no-answer questions.
 * Arguments: runbooks folder, questions file, cache folder (default {@code target/fusion-cache}).
 */
public final class MaxSimilarityTool {
    private MaxSimilarityTool() {}

    public static void main(String[] args) throws IOException {
        Embedder minilm = FusionTuner.miniLm();
        SectionEmbeddings sections = new SectionEmbeddings(
                minilm,
                EmbeddingCache.open(Path.of(args.length > 2 ? args[2] : "target/fusion-cache"), minilm.model()));
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        RunbookIndex index = RunbookIndexer.build(loaded.runbooks(), units, sections.all(units));
        QueryEmbedder embedder = new QueryEmbedder(minilm, Duration.ofSeconds(60));
        LuceneRunbookSearch search =
                new LuceneRunbookSearch(index, Ranking.DEFAULT, Optional.of(embedder), FusionTuner.KEYWORD);
        record Row(double best, String id, String kind, boolean answerable) {}
        List<Row> rows = new java.util.ArrayList<>();
        for (EvalQuestion q : EvalSet.read(Path.of(args[1]))) {
            float[] v = embedder.embed(q.question(), index.vectorDimension())
                    .vector()
                    .orElseThrow();
            double best = search.nearest(v).get(0).score();
            rows.add(new Row(best, q.id(), q.kind(), q.answerable()));
        }
        rows.sort(java.util.Comparator.comparingDouble(Row::best));
        rows.forEach(r -> System.out.printf(
                "%.4f %s %s %s%n", r.best(), r.answerable() ? "answerable" : "NO-ANSWER", r.kind(), r.id()));
        embedder.close();
    }
}
