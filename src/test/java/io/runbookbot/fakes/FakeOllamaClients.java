package io.runbookbot.fakes;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import java.time.Duration;

/** The real langchain4j-ollama clients, pointed at a fake Ollama, without retries. */
final class FakeOllamaClients {
    private FakeOllamaClients() {}

    static OllamaEmbeddingModel embeddings(FakeOllama ollama, Duration timeout) {
        return OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("nomic-embed-text")
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    static OllamaChatModel chat(FakeOllama ollama) {
        return OllamaChatModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("llama3.2")
                .timeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build();
    }
}
