package io.runbookbot.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.Fault;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake Ollama, driven by the real langchain4j-ollama clients. */
@Timeout(30)
class FakeOllamaIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeOllama ollama = FakeOllama.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    private OllamaEmbeddingModel embeddings(Duration timeout) {
        return OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("nomic-embed-text")
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    private OllamaChatModel chat() {
        return OllamaChatModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("llama3.2")
                .timeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build();
    }

    @Test
    void embedsTextsWithTheFakesVectors() {
        EmbeddingModel model = embeddings(Duration.ofSeconds(5));

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
                embeddings(Duration.ofSeconds(5)).embedAll(segments).content();

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
    void answersAPlainChat() {
        ollama.script(ChatReply.text("Restart the connection pool, see section 2."));

        ChatResponse response = chat().chat(ChatRequest.builder()
                .messages(
                        SystemMessage.from("Answer from the runbook only."),
                        UserMessage.from("db connections refused?"))
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("Restart the connection pool, see section 2.");
        assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
        RecordedRequest sent = ollama.awaitCall("chat", WAIT);
        assertThat(sent.json().path("stream").asBoolean(true)).isFalse();
        assertThat(sent.json().path("model").asText()).isEqualTo("llama3.2");
        assertThat(sent.json().path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.json().path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(sent.json().path("messages").get(1).path("content").asText()).isEqualTo("db connections refused?");
    }

    @Test
    void answersWithAToolCallThatLangchain4jParses() {
        ToolSpecification search = ToolSpecification.builder()
                .name("search_runbooks")
                .description("Searches the runbooks")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query", "what to look for")
                        .addIntegerProperty("limit")
                        .required("query")
                        .build())
                .build();
        ollama.script(
                ChatReply.toolCall("search_runbooks", Map.of("query", "postgres refused", "limit", 3)),
                ChatReply.text("See 'Database connection errors'."));
        OllamaChatModel model = chat();
        UserMessage question = UserMessage.from("app can't reach the db");

        ChatResponse first = model.chat(ChatRequest.builder()
                .messages(question)
                .toolSpecifications(search)
                .build());

        assertThat(first.metadata().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        List<ToolExecutionRequest> calls = first.aiMessage().toolExecutionRequests();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name()).isEqualTo("search_runbooks");
        JsonNode args = Json.parse(calls.get(0).arguments());
        assertThat(args.path("query").asText()).isEqualTo("postgres refused");
        assertThat(args.path("limit").asInt()).isEqualTo(3);
        JsonNode tools = ollama.awaitCall("chat", WAIT).json().path("tools");
        assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("search_runbooks");
        assertThat(tools.get(0)
                        .path("function")
                        .path("parameters")
                        .path("required")
                        .get(0)
                        .asText())
                .isEqualTo("query");

        // the tool result goes back as a "tool" message and the script's next reply answers it
        ChatResponse second = model.chat(ChatRequest.builder()
                .messages(
                        question,
                        first.aiMessage(),
                        ToolExecutionResultMessage.from(calls.get(0), "db.md#connection-errors"))
                .toolSpecifications(search)
                .build());

        assertThat(second.aiMessage().text()).isEqualTo("See 'Database connection errors'.");
        JsonNode messages = ollama.callsTo("chat").get(1).json().path("messages");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1)
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("name")
                        .asText())
                .isEqualTo("search_runbooks");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("db.md#connection-errors");
        assertThat(ollama.scriptLeft()).isZero();
    }

    @Test
    void anEmptyScriptIsAServerError() {
        assertThatThrownBy(() -> chat().chat("hello")).isInstanceOf(InternalServerException.class);
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
    void downIsAConnectionRefused() {
        ollama.down();

        assertFailsFast(() -> embeddings(Duration.ofSeconds(2)).embed("x"), ConnectException.class, 3_000);
    }

    @Test
    void slowTimesOutOnTheClientsTimeout() {
        ollama.inject(Fault.slow(Duration.ofSeconds(3)));

        assertFailsFast(() -> embeddings(Duration.ofMillis(500)).embed("x"), HttpTimeoutException.class, 2_500);
    }

    @Test
    void slowButWithinTheTimeoutStillAnswers() {
        ollama.inject(Fault.slow(Duration.ofMillis(200)));

        assertThat(embeddings(Duration.ofSeconds(2)).embed("x").content().dimension())
                .isEqualTo(768);
    }

    @Test
    void http500IsAnInternalServerError() {
        ollama.inject(Fault.httpStatus(500));

        assertThatThrownBy(() -> embeddings(Duration.ofSeconds(2)).embed("x"))
                .isInstanceOf(InternalServerException.class)
                .hasMessageContaining("injected HTTP 500");
        assertThatThrownBy(() -> chat().chat("hello")).isInstanceOf(InternalServerException.class);
    }

    @Test
    void aOneOff500IsRetriedByLangchain4j() {
        ollama.inject(Fault.httpStatus(500), 1);
        OllamaEmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(ollama.baseUrl())
                .modelName("nomic-embed-text")
                .maxRetries(1)
                .build();

        assertThat(model.embed("x").content().dimension()).isEqualTo(768);
        assertThat(ollama.callsTo("embed")).extracting(RecordedRequest::status).containsExactly(500, 200);
    }

    @Test
    void malformedJsonFailsToParse() {
        ollama.inject(Fault.malformedJson());

        assertFailsFast(() -> embeddings(Duration.ofSeconds(2)).embed("x"), JsonProcessingException.class, 3_000);
        assertFailsFast(() -> chat().chat("hello"), JsonProcessingException.class, 3_000);
    }

    @Test
    void aWrongDimensionPassesThroughAndIsTheCallersToCheck() {
        OllamaEmbeddingModel model = embeddings(Duration.ofSeconds(2));
        assertThat(model.dimension()).isEqualTo(768);
        ollama.inject(Fault.wrongDimension(3), 1);

        // langchain4j does not validate the size: the bot must compare it with dimension()
        Embedding wrong = model.embed("x").content();
        Embedding right = model.embed("x").content();

        assertThat(wrong.dimension()).isEqualTo(3).isNotEqualTo(model.dimension());
        assertThat(right.dimension()).isEqualTo(768);
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

    private static void assertFailsFast(Runnable call, Class<? extends Throwable> rootCause, long withinMillis) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run)
                .isInstanceOf(RuntimeException.class)
                .satisfies(
                        e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c).isInstanceOf(rootCause)));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(withinMillis);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
