package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Answer;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Asks the fixture runbooks ({@link TestRunbooks}) real incident questions through a real in-memory Lucene index. */
class LuceneRunbookSearchTest {
    private static final Path RUNBOOKS = TestRunbooks.DIR;
    private static final String PORT_ERROR = "OSError: [Errno 98] Address already in use";
    private static final String OOM = "uvicorn got OOM killed, dmesg says killed process";
    private static final String TOO_MANY_CLIENTS = "FATAL: sorry, too many clients already";
    private static final String CLICKHOUSE = "ClickHouse too many parts merges slower than inserts";
    private static final String WIREGUARD = "wireguard tunnel handshake ok but no traffic";

    private static IndexedRunbooks runbooks;

    @BeforeAll
    static void indexBundledRunbooks() {
        runbooks = IndexedRunbooks.open(RUNBOOKS);
    }

    @AfterAll
    static void close() {
        runbooks.close();
    }

    private static RunbookSection best(String question) {
        Answer answer = runbooks.ask(question, 5);
        assertThat(answer.best()).as("answer to %s", question).isPresent();
        return answer.best().orElseThrow().section();
    }

    @Test
    void answersPythonAddressInUseErrorWithThePortConflictSection() {
        RunbookSection best = best(PORT_ERROR);

        assertThat(best.file()).isEqualTo("server-wont-start-flask.md");
        assertThat(best.heading()).isEqualTo("Issue: Port Already in Use");
        assertThat(best.line()).isEqualTo(29);
    }

    @Test
    void answersOomKilledUvicornWithTheSystemResourcesStep() {
        RunbookSection best = best(OOM);

        assertThat(best.file()).isEqualTo("api-server-down.md");
        assertThat(best.heading()).isEqualTo("Step 6: Check System Resources (1 minute)");
    }

    @Test
    void answersPostgresTooManyClientsErrorWithTooManyConnections() {
        RunbookSection best = best(TOO_MANY_CLIENTS);

        assertThat(best.file()).isEqualTo("troubleshooting-guide.md");
        assertThat(best.heading()).isEqualTo("Too Many Connections");
        assertThat(best.path())
                .containsExactly(
                        "Troubleshooting Guide",
                        "Database Connection Issues",
                        "Common Causes & Solutions",
                        "Too Many Connections");
    }

    @Test
    void answersTheSameSectionDespiteTyposInTheQuestion() {
        RunbookSection best = best("FATAL: sorry, too many clinets alredy");

        assertThat(best.file()).isEqualTo("troubleshooting-guide.md");
        assertThat(best.heading()).isEqualTo("Too Many Connections");
    }

    @Test
    void answersMisspelledAddressInUseWithAPortConflictSection() {
        assertThat(best("adress already in use").heading()).endsWith("Port Already in Use");
    }

    @Test
    void abstainsOnClickHouseQuestionBecauseNoRunbookMentionsClickHouse() throws IOException {
        Answer answer = runbooks.ask(CLICKHOUSE, 5);

        assertThat(unknownWords(CLICKHOUSE)).contains("clickhous");
        assertThat(answer.answered()).isFalse();
        assertThat(answer.best()).isEmpty();
        assertThat(answer.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void abstainsOnWireguardQuestionBecauseNoRunbookMentionsWireguard() throws IOException {
        Answer answer = runbooks.ask(WIREGUARD, 5);

        assertThat(unknownWords(WIREGUARD)).contains("wireguard");
        assertThat(answer.answered()).isFalse();
        assertThat(answer.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void oneWordQuestionsAreAnsweredAsLowConfidenceGuessesNeverHigh() {
        for (String vague : List.of("test", "x", "ok", "error")) {
            Answer answer = runbooks.ask(vague, 5);

            assertThat(answer.confidence()).as(vague).isEqualTo(Confidence.LOW);
        }
    }

    @Test
    void aPreciseErrorLineIsAnsweredWithHighConfidence() {
        assertThat(runbooks.ask(TOO_MANY_CLIENTS, 5).confidence()).isEqualTo(Confidence.HIGH);
        assertThat(runbooks.ask(OOM, 5).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void conversationalWordsNoRunbookUsesDoNotMakeTheBotRefuse() throws IOException {
        for (String chatty : List.of(
                "whatever is hogging port 8000 on my laptop, the server won't start",
                "tried everything for the server-won't-start problem, what diagnostics do I gather before opening an issue")) {
            Answer answer = runbooks.ask(chatty, 5);

            assertThat(answer.answered()).as(chatty).isTrue();
        }
        assertThat(unknownWords("whatever is hogging port 8000 on my laptop")).isEmpty();
    }

    @Test
    void negativeContractionsTheRunbooksNeverWriteAreEnglishNotUnknownNames() throws IOException {
        String question = "the api isn't responding, workers aren't either and it hasn't recovered";

        assertThat(unknownWords(question)).isEmpty();
        assertThat(runbooks.ask(question, 5).answered()).isTrue();
    }

    @Test
    void abstainingStillListsTheClosestSectionsAsWeakCandidates() {
        assertThat(runbooks.ask(WIREGUARD, 5).hits()).hasSize(5);
    }

    @Test
    void questionOfOnlyStopWordsIsNotAnsweredAndHasNoHits() {
        Answer answer = runbooks.ask("how do I ?", 5);

        assertThat(answer.answered()).isFalse();
        assertThat(answer.hits()).isEmpty();
        assertThat(answer.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void neverReturnsMoreThanTopNHits() {
        assertThat(runbooks.ask("server not starting", 1).hits()).hasSize(1);
        assertThat(runbooks.ask("server not starting", 3).hits()).hasSize(3);
    }

    @Test
    void hitsAreSortedByScoreDescending() {
        List<SectionHit> hits =
                runbooks.ask("api server down, health endpoint times out", 20).hits();

        assertThat(hits).hasSize(20);
        assertThat(hits)
                .isSortedAccordingTo(
                        Comparator.comparingDouble(SectionHit::score).reversed());
    }

    @Test
    void answersALongPastedLogInsteadOfFailingOnLuceneClauseLimit() {
        StringBuilder log = new StringBuilder(PORT_ERROR).append('\n');
        for (int i = 0; i < 400; i++) {
            log.append("worker")
                    .append(i)
                    .append(" pid ")
                    .append(10_000 + i)
                    .append(" request_id req")
                    .append(i)
                    .append('\n');
        }

        Answer answer = runbooks.ask(log.toString(), 5);

        assertThat(answer.hits()).hasSize(5);
        assertThat(answer.hits().get(0).section().heading()).endsWith("Port Already in Use");
    }

    @Test
    void answerKeepsTheQuestionAsAsked() {
        assertThat(runbooks.ask(PORT_ERROR, 5).question()).isEqualTo(PORT_ERROR);
    }

    @Test
    void answersTheSameWhateverTheOrderOfTheRunbooks() {
        long seed = Long.getLong("runbookbot.seed", System.nanoTime());
        System.out.println("answersTheSameWhateverTheOrderOfTheRunbooks: seed " + seed
                + " (rerun with -Drunbookbot.seed=" + seed + ")");
        List<Runbook> shuffled = new ArrayList<>(runbooks.runbooks());
        Collections.shuffle(shuffled, new Random(seed));

        try (IndexedRunbooks reordered = IndexedRunbooks.of(new LoadResult(shuffled, List.of(), 0), Ranking.DEFAULT)) {
            for (String question : List.of(PORT_ERROR, OOM, TOO_MANY_CLIENTS, "port already in use", WIREGUARD)) {
                Answer original = runbooks.ask(question, 5);
                Answer other = reordered.ask(question, 5);
                assertThat(top(other))
                        .as("top hit for %s, seed %d", question, seed)
                        .isEqualTo(top(original));
                assertThat(scores(other))
                        .as("scores for %s, seed %d", question, seed)
                        .isEqualTo(scores(original));
                assertThat(other.answered())
                        .as("answered %s, seed %d", question, seed)
                        .isEqualTo(original.answered());
            }
        }
    }

    private static String top(Answer answer) {
        return answer.hits().get(0).section().location();
    }

    private static List<Double> scores(Answer answer) {
        return answer.hits().stream().map(SectionHit::score).toList();
    }

    private static List<String> unknownWords(String question) throws IOException {
        LoadResult loaded = new RunbookLoader().load(RUNBOOKS);
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            var reader = index.runbookSearcher().getIndexReader();
            return QueryTerms.of(question, RunbookAnalyzers.incidentEnglishQuery(), reader, new Vocabulary(reader))
                    .unknown();
        }
    }
}
