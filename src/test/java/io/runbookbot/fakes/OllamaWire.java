package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.FakeHttpServer.Reply;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The request and response bodies of {@link FakeOllama}, in the shapes of Ollama's HTTP API that
 * langchain4j-ollama's {@code OllamaEmbeddingModel}, {@code OllamaChatModel} and {@code
 * OllamaModels} read:
 *
 * <ul>
 *   <li>{@code GET /api/tags}: {@code {"models":[{"name","model","modified_at","size","digest",
 *       "details":{...}}]}}
 *   <li>{@code POST /api/embed} {@code {"model","input":[...]}} (or {@code "input":"one text"}):
 *       {@code {"model","embeddings":[[...],...],"prompt_eval_count",...}}, one vector per input
 *   <li>{@code POST /api/chat} {@code {"model","messages":[{"role","content"[,"tool_calls"]}],
 *       "stream":false[,"tools":[...]],"options":{...}}}: {@code {"model","created_at","message":
 *       {"role":"assistant","content"[,"tool_calls":[{"id","function":{"index","name",
 *       "arguments":{...}}}]]},"done":true,"done_reason":"stop",...}}
 *   <li>errors: {@code {"error":"..."}} with the status, e.g. Ollama's 404 {@code model "x" not
 *       found, try pulling it first}
 * </ul>
 */
final class OllamaWire {

    private static final String CREATED_AT = "2026-11-01T09:30:00.000000Z";

    private OllamaWire() {}

    /** The {@code model} a request names, or "" when it names none. */
    static String model(RecordedRequest request) {
        return request.json().path("model").asText("");
    }

    /** The texts of an {@code /api/embed} request's {@code input}, a string or an array. */
    static List<String> texts(JsonNode input) {
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(t -> texts.add(t.asText()));
        } else if (input.isTextual()) {
            texts.add(input.asText());
        }
        return texts;
    }

    /** A 200 answer whose JSON body is cut off in the middle. */
    static Reply truncated() {
        return new Reply(200, "application/json; charset=utf-8", "{\"model\":\"x\",\"embeddings\":[[0.1,");
    }

    static Reply tags(List<String> models) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("models");
        for (String name : models) {
            ObjectNode model = Json.template("ollama/tags-model.json");
            String full = name.contains(":") ? name : name + ":latest";
            model.put("name", full);
            model.put("model", full);
            list.add(model);
        }
        return Reply.json(body);
    }

    /** One vector per input, cut or padded (with 0.5) to {@code wrongDimension} when that is > 0. */
    static Reply embeddings(String model, List<String> inputs, Function<String, float[]> embedder, int wrongDimension) {
        ObjectNode body = Json.template("ollama/embed-response.json");
        body.put("model", model);
        ArrayNode embeddings = body.putArray("embeddings");
        int tokens = 0;
        for (String text : inputs) {
            float[] vector = embedder.apply(text);
            ArrayNode row = embeddings.addArray();
            int n = wrongDimension > 0 ? wrongDimension : vector.length;
            for (int i = 0; i < n; i++) {
                row.add(i < vector.length ? vector[i] : 0.5f);
            }
            tokens += text.isBlank() ? 0 : text.trim().split("\\s+").length;
        }
        body.put("prompt_eval_count", tokens);
        return Reply.json(body);
    }

    static Reply chat(String model, ChatReply reply) {
        ObjectNode body = Json.template("ollama/chat-response.json");
        body.put("model", model);
        body.put("created_at", CREATED_AT);
        ObjectNode message = (ObjectNode) body.path("message");
        message.put("content", reply.content());
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            int index = 0;
            for (ToolCall call : reply.toolCalls()) {
                ObjectNode c = calls.addObject();
                c.put("id", "call_" + (calls.size()));
                ObjectNode function = c.putObject("function");
                function.put("index", index++);
                function.put("name", call.name());
                function.set("arguments", Json.MAPPER.valueToTree(call.arguments()));
            }
        }
        return Reply.json(body);
    }

    static Reply modelNotFound(String model) {
        return error(404, "model \"" + model + "\" not found, try pulling it first");
    }

    static Reply error(int status, String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return Reply.json(status, body);
    }
}
