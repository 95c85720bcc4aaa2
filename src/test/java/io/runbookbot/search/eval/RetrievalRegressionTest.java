package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Retrieval quality on the shared dev question sets may not drop below the pinned figures in
 * {@code retrieval-regression.properties}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalRegressionTest {
    private static final Path SHARED = Path.of(System.getProperty("runbookbot.shared", "../shared"));

    private Properties pins;
    private EvalReport corpus;
    private EvalReport seeds;

    @BeforeAll
    void evaluate() throws IOException {
        pins = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/retrieval-regression.properties")) {
            pins.load(in);
        }
        corpus = run("corpus", "dev.jsonl");
        seeds = run("seeds", "seeds-dev.jsonl");
        System.out.printf("corpus dev:%n%sseeds dev:%n%s", corpus.table(), seeds.table());
    }

    @AfterAll
    void noteMisses() {
        corpus.misses().forEach(m -> System.out.println("corpus miss: " + m));
    }

    @Test
    void corpusDevFiguresStayAtOrAbovePins() {
        assertThat(belowPin("corpus", corpus)).isEmpty();
    }

    @Test
    void seedsDevFiguresStayAtOrAbovePins() {
        assertThat(belowPin("seeds", seeds)).isEmpty();
    }

    @Test
    void everyExpectedSectionIsFoundInTheParsedRunbooks() {
        assertThat(corpus.unresolved()).isEmpty();
        assertThat(seeds.unresolved()).isEmpty();
    }

    @Test
    void pinsCoverTheFiguresTheIssueTargets() {
        assertThat(pins.stringPropertyNames()).contains("corpus.all.hit1", "corpus.all.hit3", "corpus.all.abstain",
                "corpus.all.answered", "seeds.all.hit1", "seeds.all.hit3");
    }

    private static EvalReport run(String folder, String questions) {
        try (IndexedRunbooks indexed = IndexedRunbooks.open(SHARED.resolve(folder))) {
            assertThat(indexed.loadResult().skipped()).as("runbooks that failed to load").isEmpty();
            return new Evaluator(indexed, indexed.runbooks()).evaluate(EvalSet.read(SHARED.resolve("eval/" + questions)));
        }
    }

    private Map<String, String> belowPin(String set, EvalReport report) {
        return RetrievalPins.belowPin(pins, set, report);
    }
}
