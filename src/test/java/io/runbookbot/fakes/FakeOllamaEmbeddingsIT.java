package io.runbookbot.fakes;

import static io.runbookbot.fakes.FakeOllamaClients.embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake Ollama's embeddings and model list, driven by the real langchain4j-ollama clients. */
@Timeout(30)
class FakeOllamaEmbeddingsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @AutoClose
    private final FakeOllama ollama = FakeOllama.start();

    @Test
    void embedsTextsWithTheFakesVectors() {
        EmbeddingModel model = embeddings(ollama, Duration.ofSeconds(5));

        Embedding a = model.embed("database connection refused").content();
        Embedding b = model.embed("disk is full").content();

        assertThat(a.vector()).containsExactly(FakeOllama.hashVector("database connection refused", 768));
        assertThat(b.vector()).containsExactly(FakeOllama.hashVector("disk is full", 768));
        assertThat(model.embed("database connection refused").content().vector())
                .containsExactly(a.vector());
        RecordedRequest first = ollama.awaitCall("embed", WAIT);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.json().path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(FakeOllama.inputs(first)).containsExactly("database connection refused");
        assertThat(first.json().path("input").isArray()).isTrue();
    }

    @Test
    void embedsABatchInOneRequest() {
        List<TextSegment> segments = List.of(
                TextSegment.from("restart nginx"),
                TextSegment.from("rotate the logs"),
                TextSegment.from("failover postgres"));

        List<Embedding> vectors =
                embeddings(ollama, Duration.ofSeconds(5)).embedAll(segments).content();

        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(2).vector()).containsExactly(FakeOllama.hashVector("failover postgres", 768));
        assertThat(ollama.callsTo("embed")).hasSize(1);
        assertThat(FakeOllama.inputs(ollama.callsTo("embed").get(0)))
                .containsExactly("restart nginx", "rotate the logs", "failover postgres");
    }

    @Test
    void acceptsAStringInputAsOllamaDoes() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(ollama.baseUrl() + "/api/embed"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"nomic-embed-text\",\"input\":\"one text\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        JsonNode body = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(body.path("embeddings")).hasSize(1);
        assertThat(body.path("embeddings").get(0)).hasSize(768);
    }

    @Test
    void listsTheModelsThroughTags() {
        ollama.models("nomic-embed-text", "qwen2.5:7b");

        List<OllamaModel> models = OllamaModels.builder()
                .baseUrl(ollama.baseUrl())
                .build()
                .availableModels()
                .content();

        assertThat(models).extracting(OllamaModel::getName).containsExactly("nomic-embed-text:latest", "qwen2.5:7b");
        assertThat(models.get(0).getDetails().getFamily()).isEqualTo("nomic-bert");
        assertThat(ollama.awaitCall("tags", WAIT).method()).isEqualTo("GET");
    }

    @Test
    void anUnknownModelIsNotFound() {
        OllamaEmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("mxbai-embed-large")
                .maxRetries(0)
                .build();

        assertThatThrownBy(() -> model.embed("x"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("not found, try pulling it first");
    }

    @Test
    void servesARealEmbeddingModelThroughTheFake() {
        EmbeddingModel minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        ollama.embedder(text -> minilm.embed(text).content().vector()).models("all-minilm");
        EmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("all-minilm")
                .timeout(Duration.ofSeconds(10))
                .build();

        List<Embedding> v = model.embedAll(List.of(
                        TextSegment.from("database connection refused"),
                        TextSegment.from("cannot connect to postgres"),
                        TextSegment.from("disk is full")))
                .content();

        assertThat(v.get(0).dimension()).isEqualTo(384);
        double related = CosineSimilarity.between(v.get(0), v.get(1));
        double unrelated = CosineSimilarity.between(v.get(0), v.get(2));
        assertThat(related).isGreaterThan(unrelated + 0.1);
    }
}
