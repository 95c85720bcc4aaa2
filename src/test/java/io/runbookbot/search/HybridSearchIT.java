package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Answer;
import io.runbookbot.core.SectionHit;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeOllama.Fault;
import io.runbookbot.search.embed.EmbeddingCache;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.embed.OllamaEmbedder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid retrieval on the fixture runbooks ({@link TestRunbooks}) with a fake Ollama: what users see when Ollama misbehaves. */
class HybridSearchIT {
    private static final Path RUNBOOKS = TestRunbooks.DIR;
    private static final String PARAPHRASE = "backend keeps crashing after deploy";
    /**
     * No keyword matches it, so the question is embedded (with all-MiniLM the tuned fusion,
     * HybridFusion.DEFAULT, is keyword alone and asks for no vector when keyword search has a candidate).
     */
    private static final String UNMATCHED = "the thingamajig went kaput overnight";

    private final FakeOllama ollama = FakeOllama.start();

    @TempDir
    Path cache;

    private Embeddings embeddings;

    @AfterEach
    void stop() {
        if (embeddings != null) {
            embeddings.close();
        }
        ollama.close();
    }

    private Optional<Embeddings> embeddings() {
        embeddings = Embeddings.of(
                new OllamaEmbedder(ollama.baseUrl(), "nomic-embed-text", Duration.ofSeconds(5)),
                EmbeddingCache.open(cache, "nomic-embed-text"),
                Duration.ofSeconds(1));
        return Optional.of(embeddings);
    }

    private static List<String> locations(Answer a) {
        return a.hits().stream()
                .map(SectionHit::section)
                .map(s -> s.file() + ":" + s.line())
                .toList();
    }

    @Test
    void theIndexHoldsAVectorPerSectionAndAnswersWithoutNotices() {
        try (IndexedRunbooks hybrid = IndexedRunbooks.open(RUNBOOKS, embeddings(), true)) {
            Answer answer = hybrid.ask(UNMATCHED, 5);

            assertThat(hybrid.hybrid()).isTrue();
            assertThat(answer.hits()).isNotEmpty();
            assertThat(answer.notices()).isEmpty();
            assertThat(FakeOllama.inputs(
                            ollama.callsTo("embed").get(ollama.callsTo("embed").size() - 1)))
                    .containsExactly("search_query: " + UNMATCHED);
        }
    }

    @Test
    void anExactErrorLineKeepsTheKeywordAnswer() {
        String error = "OSError: [Errno 98] Address already in use";
        try (IndexedRunbooks keyword = IndexedRunbooks.open(RUNBOOKS);
                IndexedRunbooks hybrid = IndexedRunbooks.open(RUNBOOKS, embeddings(), true)) {
            assertThat(locations(hybrid.ask(error, 5))).isEqualTo(locations(keyword.ask(error, 5)));
        }
    }

    @Test
    void ollamaDownAtQuestionTimeGivesTheKeywordAnswerWithANotice() {
        try (IndexedRunbooks keyword = IndexedRunbooks.open(RUNBOOKS);
                IndexedRunbooks hybrid = IndexedRunbooks.open(RUNBOOKS, embeddings(), true)) {
            ollama.down();

            Answer answer = hybrid.ask(UNMATCHED, 5);

            assertThat(locations(answer)).isEqualTo(locations(keyword.ask(UNMATCHED, 5)));
            assertThat(answer.answered()).isEqualTo(keyword.ask(UNMATCHED, 5).answered());
            assertThat(answer.notices()).singleElement().asString().startsWith("Keyword search only");
        }
    }

    @Test
    void garbageFromOllamaAtQuestionTimeGivesTheKeywordAnswerWithANotice() {
        try (IndexedRunbooks hybrid = IndexedRunbooks.open(RUNBOOKS, embeddings(), true)) {
            ollama.inject(Fault.wrongDimension(12));

            Answer answer = hybrid.ask(UNMATCHED, 5);

            assertThat(answer.hits())
                    .as("keyword alone, which has nothing for it")
                    .isEmpty();
            assertThat(answer.notices()).singleElement().asString().startsWith("Keyword search only");
        }
    }

    @Test
    void startUpDoesNotWaitForOllamaAndSwitchesToHybridWhenTheVectorsArrive() throws Exception {
        ollama.inject(Fault.slow(Duration.ofSeconds(2)), 1);
        long start = System.nanoTime();
        try (ReloadingRunbooks served = ReloadingRunbooks.open(RUNBOOKS, embeddings())) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
            assertThat(served.ask(PARAPHRASE, 5).notices()).containsExactly(IndexedRunbooks.EMBEDDING_PENDING);
            assertThat(served.status().hybrid()).isFalse();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // the status follows the swap of the index by a moment: wait for both
            while ((!served.ask(PARAPHRASE, 5).notices().isEmpty()
                            || !served.status().hybrid())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(served.ask(PARAPHRASE, 5).notices()).isEmpty();
            assertThat(served.status().hybrid()).isTrue();
        }
    }

    @Test
    void ollamaDownAtStartUpStillServesKeywordAnswers() {
        ollama.down();
        try (ReloadingRunbooks served = ReloadingRunbooks.open(RUNBOOKS, embeddings())) {
            Answer answer = served.ask("Address already in use", 5);

            assertThat(answer.answered()).isTrue();
            assertThat(answer.notices()).containsExactly(IndexedRunbooks.EMBEDDING_PENDING);
        }
    }

    @Test
    void aRestartWithEveryVectorCachedIsHybridAtOnceWithoutCallingOllama() {
        try (IndexedRunbooks first = IndexedRunbooks.open(RUNBOOKS, embeddings(), true)) {
            assertThat(first.hybrid()).isTrue();
        }
        embeddings.close();
        ollama.down();
        try (IndexedRunbooks again = IndexedRunbooks.open(RUNBOOKS, embeddings(), false)) {
            assertThat(again.hybrid()).isTrue();
            assertThat(again.needsVectors()).isFalse();
        }
    }
}
