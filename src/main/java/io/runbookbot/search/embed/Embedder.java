package io.runbookbot.search.embed;

import java.util.List;

/** Turns texts into vectors with one model. Implementations are thread-safe. */
public interface Embedder {

    /** The model's name; cached vectors are keyed by it. */
    String model();

    /**
     * One vector per text, in order, all of the same dimension.
     *
     * @throws EmbeddingException when the model is unreachable, slow or answers something unusable
     */
    List<float[]> embed(List<String> texts);
}
