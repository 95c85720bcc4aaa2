package io.runbookbot.search.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Embeddings from an Ollama server ({@code POST /api/embed}) through LangChain4j. No retries:
 * callers decide what a failure means (keyword search answers meanwhile). Every answer is checked:
 * one vector per text, one dimension, finite values.
 */
public final class OllamaEmbedder implements Embedder {
    private final String baseUrl;
    private final String model;
    private final EmbeddingModel client;

    public OllamaEmbedder(String baseUrl, String model, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.model = Objects.requireNonNull(model, "model");
        this.client = OllamaEmbeddingModel.builder()
                .baseUrl(baseUrl)
                .modelName(model)
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> answer;
        try {
            answer = client.embedAll(texts.stream().map(TextSegment::from).toList())
                    .content();
        } catch (RuntimeException e) {
            throw new EmbeddingException(
                    "Ollama at " + baseUrl + " gave no embeddings from " + model + ": " + reason(e), e);
        }
        return checked(answer, texts.size());
    }

    private List<float[]> checked(List<Embedding> answer, int expected) {
        if (answer == null || answer.size() != expected) {
            throw new EmbeddingException("Ollama's " + model + " returned " + (answer == null ? 0 : answer.size())
                    + " vectors for " + expected + " texts");
        }
        List<float[]> vectors = new ArrayList<>(expected);
        int dimension = answer.get(0).vector().length;
        for (Embedding e : answer) {
            float[] v = e.vector();
            if (v.length == 0 || v.length != dimension || !Vectors.finite(v)) {
                throw new EmbeddingException("Ollama's " + model + " returned a malformed vector (dimension " + v.length
                        + ", expected " + dimension + ")");
            }
            vectors.add(v);
        }
        return vectors;
    }

    /** The root cause in a few words: a refused connection surfaces as a plain RuntimeException. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
