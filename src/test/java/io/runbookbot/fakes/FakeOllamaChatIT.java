package io.runbookbot.fakes;

import static io.runbookbot.fakes.FakeOllamaClients.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake Ollama's scripted chat replies and tool calls, driven by the real langchain4j-ollama client. */
@Timeout(30)
class FakeOllamaChatIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @AutoClose
    private final FakeOllama ollama = FakeOllama.start();

    @Test
    void answersAPlainChat() {
        ollama.script(ChatReply.text("Restart the connection pool, see section 2."));

        ChatResponse response = chat(ollama)
                .chat(ChatRequest.builder()
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
        OllamaChatModel model = chat(ollama);
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
        assertThatThrownBy(() -> chat(ollama).chat("hello")).isInstanceOf(InternalServerException.class);
    }
}
