package io.runbookbot.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.embed.Embedder;
import io.runbookbot.search.embed.EmbeddingCache;
import io.runbookbot.search.embed.QueryEmbedder;
import io.runbookbot.search.embed.SectionEmbeddings;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.eval.HybridGate;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dev tool, not a test: chooses {@link HybridFusion#DEFAULT} by k-fold cross-validation over the
 * corpus and seeds dev sets together (folds stratified by set and kind), with all-MiniLM-L6-v2 in
 * process (the same vectors the hybrid regression test gets through the fake Ollama). On each fold
 * the variant with the most right answers at rank 1 on the training folds wins among those that are
 * no worse than keyword alone on any set and kind of the training folds ({@link HybridGate}); ties go
 * to the variant listed first (keyword alone, then the smallest change). It prints the held-out
 * hit@1 of keyword and of the chosen variants per set and kind (mean and spread over folds), then the
 * variant chosen on all the dev questions, which {@link HybridFusion#DEFAULT} should be.
 *
 * <p>Every variant is scored through {@link LuceneRunbookSearch#ask} (the bot's own ranking,
 * abstention included), so a re-run after a keyword-ranking change measures the new ranking.
 * Section vectors are cached on disk (default {@code target/fusion-cache}). Arguments: the shared
 * folder (default {@code ../shared}), the cache folder. Command: see docs/eval.md.
 */
public final class FusionTuner {
    /** Never blends: keyword search alone, through the same code path. */
    static final HybridFusion KEYWORD = new HybridFusion(0, 0, 1, 0, HybridFusion.Push.SECTION);

    private record DevSet(
            String name, LoadResult loaded, RunbookIndex index, QueryEmbedder embedder, List<EvalQuestion> questions) {
        EvalReport evaluate(HybridFusion fusion) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT, Optional.of(embedder), fusion);
            return new Evaluator(search, loaded.runbooks()).evaluate(questions);
        }
    }

    private FusionTuner() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path cacheDir = Path.of(args.length > 1 ? args[1] : "target/fusion-cache");
        Embedder minilm = miniLm();
        SectionEmbeddings sections = new SectionEmbeddings(minilm, EmbeddingCache.open(cacheDir, minilm.model()));
        List<DevSet> sets = List.of(
                open("corpus", shared.resolve("corpus"), shared.resolve("eval/dev.jsonl"), sections, minilm),
                open("seeds", shared.resolve("seeds"), shared.resolve("eval/seeds-dev.jsonl"), sections, minilm));
        System.out.printf("vectors ready in %.1f s (cache %s)%n", seconds(start), cacheDir);
        List<HybridFusion> variants = variants();
        Map<HybridFusion, Map<String, EvalReport>> reports = new LinkedHashMap<>();
        for (HybridFusion v : variants) {
            Map<String, EvalReport> perSet = new LinkedHashMap<>();
            sets.forEach(s -> perSet.put(s.name(), s.evaluate(v)));
            reports.put(v, perSet);
        }
        System.out.printf("%d variants scored in %.1f s%n", variants.size(), seconds(start));
        FusionSelection selection = new FusionSelection(
                sets.stream().map(DevSet::name).toList(),
                sets.stream().map(DevSet::questions).toList(),
                reports,
                KEYWORD);
        selection.printDevFigures(List.of(KEYWORD, HybridFusion.DEFAULT));
        selection.printBestUngated(5);
        selection.crossValidate();
        HybridFusion chosen = selection.chooseOnAll();
        System.out.println("chosen on all dev questions: " + name(chosen));
        System.out.println(
                chosen.equals(HybridFusion.DEFAULT)
                        ? "HybridFusion.DEFAULT is up to date"
                        : "HybridFusion.DEFAULT is " + name(HybridFusion.DEFAULT) + ": set it to " + name(chosen)
                                + " and re-pin HybridRetrievalRegressionIT");
        sets.forEach(s -> s.embedder().close());
        System.out.printf("done in %.1f s%n", seconds(start));
    }

    /**
     * The candidates, the most conservative first (ties go to the first): keyword alone, then runbook
     * pushes before section pushes (a runbook push leaves the keyword ranking's choice of section
     * within a runbook alone), then by how many runbooks the push may reorder (1, 2, 3, any), how
     * often it blends (keyword coverage below 0.5 ... always), its weight and its convexity.
     */
    static List<HybridFusion> variants() {
        List<HybridFusion> out = new ArrayList<>(List.of(KEYWORD));
        for (HybridFusion.Push push : new HybridFusion.Push[] {HybridFusion.Push.RUNBOOK, HybridFusion.Push.SECTION}) {
            for (int runbooks : new int[] {1, 2, 3, 0}) {
                for (double sure : new double[] {0.5, 0.7, 0.8, 0.9, 1.01}) {
                    for (double weight : new double[] {0.1, 0.2, 0.3, 0.5, 0.7, 1.0}) {
                        for (double power : new double[] {2, 1}) {
                            out.add(new HybridFusion(sure, weight, power, runbooks, push));
                        }
                    }
                }
            }
        }
        return out;
    }

    static String name(HybridFusion f) {
        return f.equals(KEYWORD)
                ? "keyword"
                : String.format(
                        "new HybridFusion(%s, %s, %s, %d, Push.%s)",
                        f.keywordSure(), f.weight(), f.power(), f.runbooks(), f.push());
    }

    private static DevSet open(
            String name, Path runbooks, Path questions, SectionEmbeddings sections, Embedder minilm) {
        LoadResult loaded = new RunbookLoader().load(runbooks);
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        RunbookIndex index = RunbookIndexer.build(loaded.runbooks(), units, sections.all(units));
        return new DevSet(
                name, loaded, index, new QueryEmbedder(minilm, Duration.ofSeconds(60)), EvalSet.read(questions));
    }

    static Embedder miniLm() {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        return new Embedder() {
            @Override
            public String model() {
                return "all-minilm";
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                        .map(e -> e.vector())
                        .toList();
            }
        };
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
