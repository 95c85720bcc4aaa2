package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.embed.EmbeddingCache;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.embed.OllamaEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hybrid retrieval with a real embedding model (all-MiniLM-L6-v2, in process) served through the
 * fake Ollama over HTTP, against keyword search alone on the same dev sets, both measured now. The
 * gate ("hybrid never hurts"): on every set and kind hybrid is no worse than keyword within one
 * question ({@link HybridGate}), and better overall on the corpus; a keyword-ranking change that makes
 * the fusion hurt fails here, whatever the pins say (re-run {@code FusionTuner}, docs/eval.md).
 * Figures scored on what the user sees, pinned two-sided at 4 decimals in
 * {@code hybrid-regression.properties}; with {@code -Drunbookbot.repin=true} the test rewrites that
 * file instead and its pin checks are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridRetrievalRegressionIT {
    private static final Path SHARED = Path.of(System.getProperty("runbookbot.shared", "../shared"));

    private static final String PINS = "hybrid-regression.properties";
    private static final String HINT = String.format(RetrievalPins.REPIN_IT_HINT, "HybridRetrievalRegressionIT");
    private static final String HEADER = """
            # Hybrid retrieval quality (keyword + all-MiniLM-L6-v2 vectors served through the fake Ollama),
            # pinned by HybridRetrievalRegressionIT two-sided at 4 decimals; figures as in
            # retrieval-regression.properties (an abstention is a miss at every k).
            # Written by: mvn -o test -Dtest=HybridRetrievalRegressionIT -Drunbookbot.repin=true (see docs/eval.md)

            """;

    private Properties pins = new Properties();
    private FakeOllama ollama;
    private Path cache;
    private EvalReport keyword;
    private EvalReport keywordSeeds;
    private EvalReport hybrid;
    private EvalReport hybridSeeds;
    private double embedSeconds;

    @BeforeAll
    void evaluate() throws IOException {
        pins = RetrievalPins.load(PINS);
        EmbeddingModel minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        ollama = FakeOllama.start(text -> minilm.embed(text).content().vector()).models("all-minilm");
        cache = Files.createTempDirectory("hybrid-eval");
        keyword = run("corpus", "dev.jsonl", false);
        keywordSeeds = run("seeds", "seeds-dev.jsonl", false);
        long start = System.nanoTime();
        hybrid = run("corpus", "dev.jsonl", true);
        embedSeconds = (System.nanoTime() - start) / 1e9;
        hybridSeeds = run("seeds", "seeds-dev.jsonl", true);
        System.out.printf("corpus dev, keyword:%n%scorpus dev, hybrid (all-minilm, %.1f s to embed and index):%n%s"
                        + "seeds dev, keyword:%n%sseeds dev, hybrid:%n%s", keyword.table(), embedSeconds, hybrid.table(),
                keywordSeeds.table(), hybridSeeds.table());
        if (RetrievalPins.repinning()) {
            Map<String, String> figures = new LinkedHashMap<>(RetrievalPins.figures("hybrid-corpus", hybrid));
            figures.putAll(RetrievalPins.figures("hybrid-seeds", hybridSeeds));
            RetrievalPins.write(PINS, HEADER, figures);
        }
    }

    @AfterAll
    void stop() {
        if (ollama != null) {
            ollama.close();
        }
    }

    @Test
    void hybridAnswersMoreQuestionsRightAtRankOneThanKeywordOnTheCorpus() {
        assertThat(hybrid.overall().hit1()).as("corpus hit@1, hybrid vs keyword").isGreaterThan(keyword.overall().hit1());
    }

    @Test
    void hybridIsNoWorseThanKeywordOnAnySetAndKindWithinOneQuestion() {
        List<String> worse = new ArrayList<>(HybridGate.violations("corpus", keyword, hybrid));
        worse.addAll(HybridGate.violations("seeds", keywordSeeds, hybridSeeds));
        assertThat(worse).as("hybrid hurts; re-run FusionTuner (docs/eval.md) and set HybridFusion.DEFAULT").isEmpty();
    }

    @Test
    void hybridFiguresEqualTheirPins() {
        Assumptions.assumeFalse(RetrievalPins.repinning(), "re-pinned; pin checks skipped");
        assertThat(RetrievalPins.differences(pins, "hybrid-corpus", hybrid)).as(HINT).isEmpty();
        assertThat(RetrievalPins.differences(pins, "hybrid-seeds", hybridSeeds)).as(HINT).isEmpty();
        assertThat(pins.stringPropertyNames()).contains("hybrid-corpus.all.hit1", "hybrid-seeds.all.hit1");
    }

    @Test
    void everySectionWasEmbeddedInBatchesAndCachedOnDisk() throws IOException {
        assertThat(ollama.callsTo("embed")).allSatisfy(call ->
                assertThat(FakeOllama.inputs(call).size()).isBetween(1, 32));
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("embeddings-all-minilm.bin");
        }
    }

    private EvalReport run(String folder, String questions, boolean withVectors) {
        Optional<Embeddings> embeddings = withVectors ? Optional.of(Embeddings.of(
                new OllamaEmbedder(ollama.baseUrl(), "all-minilm", Duration.ofSeconds(60)),
                EmbeddingCache.open(cache, "all-minilm"), Duration.ofSeconds(60))) : Optional.empty();
        try (IndexedRunbooks indexed = IndexedRunbooks.open(SHARED.resolve(folder), embeddings, true)) {
            assertThat(indexed.hybrid()).isEqualTo(withVectors);
            return new Evaluator(indexed, indexed.runbooks()).evaluate(EvalSet.read(SHARED.resolve("eval/" + questions)));
        } finally {
            embeddings.ifPresent(Embeddings::close);
        }
    }
}
