package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import io.runbookbot.search.IndexedRunbooks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keyword retrieval quality on the shared dev question sets, scored on what the user sees, equals the
 * figures pinned in {@code retrieval-regression.properties} (to 4 decimals, both ways), and every
 * question's top three equal the pins in {@code retrieval-top3-*.tsv}. With
 * {@code -Drunbookbot.repin=true} the test rewrites those files instead and its checks are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalRegressionTest {
    private static final Path SHARED = Path.of(System.getProperty("runbookbot.shared", "../shared"));
    private static final String PINS = "retrieval-regression.properties";
    private static final String HINT = String.format(RetrievalPins.REPIN_HINT, "RetrievalRegressionTest");
    private static final String HEADER = """
            # Keyword retrieval quality pinned by RetrievalRegressionTest, two-sided at 4 decimals: a figure
            # that drops fails the build, and so does one that rises until it is re-pinned on purpose.
            # hit1/hit3/mrr5 score what the user sees (an abstention is a miss at every k); answered is the share
            # of answerable questions answered; withheld counts questions whose expected section was ranked first
            # but that the bot abstained on; abstain is the share of no-answer questions abstained on.
            # Written by: mvn -o test -Dtest=RetrievalRegressionTest -Drunbookbot.repin=true (see docs/eval.md)
            # Same figures: java -jar target/runbook-bot.jar eval --runbooks ../shared/corpus --questions ../shared/eval/dev.jsonl

            """;

    private Properties pins;
    private EvalReport corpus;
    private EvalReport seeds;

    @BeforeAll
    void evaluate() {
        pins = RetrievalPins.load(PINS);
        corpus = run("corpus", "dev.jsonl");
        seeds = run("seeds", "seeds-dev.jsonl");
        System.out.printf("corpus dev:%n%sseeds dev:%n%s", corpus.table(), seeds.table());
        if (RetrievalPins.repinning()) {
            Map<String, String> figures = new LinkedHashMap<>(RetrievalPins.figures("corpus", corpus));
            figures.putAll(RetrievalPins.figures("seeds", seeds));
            RetrievalPins.write(PINS, HEADER, figures);
            RetrievalPins.writeResource("retrieval-top3-corpus.tsv", TopThreePins.tsv(corpus));
            RetrievalPins.writeResource("retrieval-top3-seeds.tsv", TopThreePins.tsv(seeds));
        }
        Assumptions.assumeFalse(RetrievalPins.repinning(), "re-pinned; checks skipped");
    }

    @AfterAll
    void noteMisses() {
        if (corpus != null) {
            corpus.misses().forEach(m -> System.out.println("corpus miss: " + m));
        }
    }

    @Test
    void corpusDevFiguresEqualTheirPins() {
        assertThat(RetrievalPins.differences(pins, "corpus", corpus)).as(HINT).isEmpty();
    }

    @Test
    void seedsDevFiguresEqualTheirPins() {
        assertThat(RetrievalPins.differences(pins, "seeds", seeds)).as(HINT).isEmpty();
    }

    @Test
    void corpusDevTopThreeOfEveryQuestionEqualTheirPins() {
        assertNoChange(TopThreePins.differences(TopThreePins.load("retrieval-top3-corpus.tsv"), corpus));
    }

    @Test
    void seedsDevTopThreeOfEveryQuestionEqualTheirPins() {
        assertNoChange(TopThreePins.differences(TopThreePins.load("retrieval-top3-seeds.tsv"), seeds));
    }

    /** The issue's target for the High band, over the corpus and seed dev sets together. */
    @Test
    void highConfidenceAnswersAreRightAtRankOneAtLeastNineTimesInTen() {
        EvalReport.Band c = corpus.bands().get(Confidence.HIGH);
        EvalReport.Band s = seeds.bands().get(Confidence.HIGH);
        double precision = (c.precision() * c.answered() + s.precision() * s.answered()) / (c.answered() + s.answered());

        assertThat(c.answered() + s.answered()).as("answers labelled High").isGreaterThan(0);
        assertThat(precision).as("share of High answers right at rank 1").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyExpectedSectionIsFoundInTheParsedRunbooks() {
        assertThat(corpus.unresolved()).isEmpty();
        assertThat(seeds.unresolved()).isEmpty();
    }

    @Test
    void pinsCoverTheFiguresTheIssueTargets() {
        assertThat(pins.stringPropertyNames()).contains("corpus.all.hit1", "corpus.all.hit3", "corpus.all.abstain",
                "corpus.all.answered", "corpus.all.withheld", "seeds.all.hit1", "seeds.all.hit3", "seeds.all.answered");
    }

    private static void assertNoChange(List<String> changed) {
        assertThat(changed).as("questions whose top three changed; " + HINT + "%n%s",
                String.join(System.lineSeparator(), changed)).isEmpty();
    }

    private static EvalReport run(String folder, String questions) {
        try (IndexedRunbooks indexed = IndexedRunbooks.open(SHARED.resolve(folder))) {
            assertThat(indexed.loadResult().skipped()).as("runbooks that failed to load").isEmpty();
            return new Evaluator(indexed, indexed.runbooks()).evaluate(EvalSet.read(SHARED.resolve("eval/" + questions)));
        }
    }
}
