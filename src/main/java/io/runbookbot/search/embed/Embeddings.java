package io.runbookbot.search.embed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything hybrid retrieval needs from an embedding model: the section side (cached, batched)
 * and the question side (deadline, pause after failures). Close it when done.
 */
public record Embeddings(SectionEmbeddings sections, QueryEmbedder questions) implements AutoCloseable {
    /** Questions wait at most this long for their vector, whatever the configured timeout. */
    public static final Duration MAX_QUESTION_WAIT = Duration.ofSeconds(5);

    public Embeddings {
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(questions, "questions");
    }

    /** Embeddings from {@code model} on the Ollama at {@code baseUrl}, cached under {@code cacheDir}. */
    public static Embeddings ollama(String baseUrl, String model, Duration timeout, Path cacheDir) {
        return of(new OllamaEmbedder(baseUrl, model, timeout), EmbeddingCache.open(cacheDir, model), timeout);
    }

    public static Embeddings of(Embedder embedder, EmbeddingCache cache, Duration timeout) {
        Duration questionWait = timeout.compareTo(MAX_QUESTION_WAIT) < 0 ? timeout : MAX_QUESTION_WAIT;
        return new Embeddings(new SectionEmbeddings(embedder, cache), new QueryEmbedder(embedder, questionWait));
    }

    public String model() {
        return sections.model();
    }

    @Override
    public void close() {
        questions.close();
    }
}
