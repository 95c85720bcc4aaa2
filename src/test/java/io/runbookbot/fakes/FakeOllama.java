package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.FakeHttpServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A fake Ollama on 127.0.0.1 speaking the parts of Ollama's HTTP API that langchain4j-ollama's
 * {@code OllamaEmbeddingModel}, {@code OllamaChatModel} and {@code OllamaModels} call:
 *
 * <ul>
 *   <li>{@code GET /api/tags}: {@code {"models":[{"name","model","modified_at","size","digest",
 *       "details":{...}}]}}, from {@link #models(String...)}
 *   <li>{@code POST /api/embed} {@code {"model","input":[...]}} (or {@code "input":"one text"}):
 *       {@code {"model","embeddings":[[...],...],"prompt_eval_count",...}}, one vector per input
 *       from the {@link #embedder(Function) embedder}
 *   <li>{@code POST /api/chat} {@code {"model","messages":[{"role","content"[,"tool_calls"]}],
 *       "stream":false[,"tools":[...]],"options":{...}}}: the next {@link ChatReply scripted
 *       reply}, as {@code {"model","created_at","message":{"role":"assistant","content"
 *       [,"tool_calls":[{"id","function":{"index","name","arguments":{...}}}]]},"done":true,
 *       "done_reason":"stop",...}}
 * </ul>
 *
 * A model that is not in {@link #models(String...)} gets Ollama's 404 {@code {"error":"model
 * \"x\" not found, try pulling it first"}}; an empty chat script gets a 500 (so an unexpected
 * extra call shows). Every request is recorded in {@link #calls()} (route = {@code embed}, {@code
 * chat}, {@code tags}); faults are injected with {@link #inject(Fault)} and {@link #down()}.
 *
 * <pre>{@code
 * try (FakeOllama ollama = FakeOllama.start()) {
 *   EmbeddingModel model = OllamaEmbeddingModel.builder().baseUrl(ollama.baseUrl())
 *       .modelName("nomic-embed-text").timeout(Duration.ofSeconds(2)).build();
 *   ollama.script(ChatReply.toolCall("search_runbooks", Map.of("query", "disk full")));
 *   ...
 * }
 * }</pre>
 */
public final class FakeOllama implements AutoCloseable {

    /** The dimension of the default hash vectors: nomic-embed-text's. */
    public static final int DEFAULT_DIMENSION = 768;

    private static final String CREATED_AT = "2026-11-01T09:30:00.000000Z";

    private final CallLog<RecordedRequest> calls = new CallLog<>();
    private final FakeHttpServer http = new FakeHttpServer(calls);
    private final Deque<ChatReply> script = new ArrayDeque<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> models =
            new CopyOnWriteArrayList<>(List.of("nomic-embed-text:latest", "all-minilm:latest", "llama3.2:latest"));
    private volatile Function<String, float[]> embedder = text -> hashVector(text, DEFAULT_DIMENSION);
    private volatile @Nullable Fault standingFault;
    private volatile boolean down;

    private FakeOllama() {
        http.route("/api/", "/api/", this::api);
        http.route("/", "/", request -> error(404, "404 page not found"));
        http.start();
    }

    /** Starts the fake on an ephemeral port, embedding with {@link #hashVector(String, int)}. */
    public static FakeOllama start() {
        return new FakeOllama();
    }

    /** Starts the fake with an embedding function, e.g. an in-process model's. */
    public static FakeOllama start(Function<String, float[]> embedder) {
        FakeOllama fake = new FakeOllama();
        fake.embedder(embedder);
        return fake;
    }

    /** {@code http://127.0.0.1:PORT}, the value for langchain4j's {@code baseUrl(...)}. */
    public String baseUrl() {
        return http.base().toString();
    }

    /** Replaces how texts become vectors (one call per input text). */
    public FakeOllama embedder(Function<String, float[]> embedder) {
        this.embedder = Objects.requireNonNull(embedder);
        return this;
    }

    /**
     * Replaces the pulled models that {@code /api/tags} lists and that {@code /api/embed} and {@code
     * /api/chat} accept; {@code x} also matches {@code x:latest}.
     */
    public FakeOllama models(String... names) {
        models.clear();
        models.addAll(List.of(names));
        return this;
    }

    /** Queues assistant replies for {@code /api/chat}, answered in order, one per request. */
    public FakeOllama script(ChatReply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    /** The scripted chat replies not consumed yet. */
    public int scriptLeft() {
        synchronized (script) {
            return script.size();
        }
    }

    /** Applies a fault to every request from now on, until {@link #clearFaults()}. */
    public FakeOllama inject(Fault fault) {
        standingFault = fault;
        return this;
    }

    /** Applies a fault to the next {@code times} requests only (then the standing fault, if any). */
    public FakeOllama inject(Fault fault, int times) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.add(fault);
            }
        }
        return this;
    }

    /** Removes every injected fault (not {@link #down()}). */
    public FakeOllama clearFaults() {
        standingFault = null;
        synchronized (faults) {
            faults.clear();
        }
        return this;
    }

    /**
     * Stops the server: connections to {@link #baseUrl()} are refused from now on. There is no way
     * back up (the JDK server cannot rebind its port); start a new fake instead.
     */
    public void down() {
        down = true;
        http.close();
    }

    /** Every request received, in order, with the status the fake answered. */
    public CallLog<RecordedRequest> calls() {
        return calls;
    }

    /** The requests to one route so far: {@code embed}, {@code chat} or {@code tags}. */
    public List<RecordedRequest> callsTo(String route) {
        return calls.matching(r -> r.route().equals(route));
    }

    /** Waits for the first request to a route. */
    public RecordedRequest awaitCall(String route, Duration timeout) {
        return calls.await(r -> r.route().equals(route), timeout);
    }

    /** The texts of one recorded {@code /api/embed} request ({@code input} as string or array). */
    public static List<String> inputs(RecordedRequest embedRequest) {
        return texts(embedRequest.json().path("input"));
    }

    @Override
    public void close() {
        if (!down) {
            http.close();
        }
    }

    /**
     * A deterministic unit vector for a text: the sum of one pseudo-random ±1 vector per lower-cased
     * word, so texts that share words are close and the same text always gives the same vector.
     */
    public static float[] hashVector(String text, int dimension) {
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long seed = 1125899906842597L;
            for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
                seed = 31 * seed + b;
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < dimension; i++) {
                v[i] += random.nextBoolean() ? 1f : -1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    // ---- the wire

    private Reply api(RecordedRequest request) {
        Fault fault = nextFault();
        if (fault != null && fault.delay().compareTo(Duration.ZERO) > 0) {
            sleep(fault.delay());
        }
        if (fault != null && fault.status() != 0) {
            return error(fault.status(), "fake ollama: injected HTTP " + fault.status());
        }
        if (fault != null && fault.malformed()) {
            return new Reply(200, "application/json; charset=utf-8", "{\"model\":\"x\",\"embeddings\":[[0.1,");
        }
        int dimension = fault == null ? 0 : fault.dimension();
        return switch (request.method() + " " + request.route()) {
            case "GET tags" -> tags();
            case "POST embed" -> embed(request, dimension);
            case "POST chat" -> chat(request);
            default -> error(404, "404 page not found");
        };
    }

    private @Nullable Fault nextFault() {
        synchronized (faults) {
            Fault once = faults.poll();
            if (once != null) {
                return once;
            }
        }
        return standingFault;
    }

    private Reply tags() {
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

    private Reply embed(RecordedRequest request, int wrongDimension) {
        String model = request.json().path("model").asText("");
        if (!pulled(model)) {
            return modelNotFound(model);
        }
        List<String> inputs = texts(request.json().path("input"));
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

    private Reply chat(RecordedRequest request) {
        String model = request.json().path("model").asText("");
        if (!pulled(model)) {
            return modelNotFound(model);
        }
        if (request.json().path("stream").asBoolean(true)) {
            return error(400, "fake ollama: only \"stream\": false is supported");
        }
        ChatReply reply;
        synchronized (script) {
            reply = script.poll();
        }
        if (reply == null) {
            return error(500, "fake ollama: no scripted chat reply left");
        }
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

    private boolean pulled(String model) {
        return models.contains(model) || models.contains(model + ":latest");
    }

    private static Reply modelNotFound(String model) {
        return error(404, "model \"" + model + "\" not found, try pulling it first");
    }

    private static Reply error(int status, String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return Reply.json(status, body);
    }

    private static List<String> texts(JsonNode input) {
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(t -> texts.add(t.asText()));
        } else if (input.isTextual()) {
            texts.add(input.asText());
        }
        return texts;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- scripts and faults

    /**
     * One tool call in an assistant message: Ollama sends the arguments as a JSON object, not a
     * string.
     */
    public record ToolCall(String name, Map<String, ?> arguments) {
        public ToolCall {
            arguments = Map.copyOf(arguments);
        }
    }

    /** One scripted assistant message for {@code /api/chat}. */
    public record ChatReply(String content, List<ToolCall> toolCalls) {
        public ChatReply {
            toolCalls = List.copyOf(toolCalls);
        }

        /** A plain text answer. */
        public static ChatReply text(String content) {
            return new ChatReply(content, List.of());
        }

        /** An assistant message that asks for one tool call (content empty, as Ollama sends it). */
        public static ChatReply toolCall(String name, Map<String, ?> arguments) {
            return new ChatReply("", List.of(new ToolCall(name, arguments)));
        }

        /** An assistant message that asks for several tool calls at once. */
        public static ChatReply toolCalls(ToolCall... calls) {
            return new ChatReply("", List.of(calls));
        }
    }

    /**
     * What goes wrong with a request: a delay before the answer, and/or an HTTP error status, a
     * truncated JSON body, or embeddings of the wrong dimension.
     */
    public record Fault(Duration delay, int status, boolean malformed, int dimension) {

        /** Answers normally, but only after {@code delay}. */
        public static Fault slow(Duration delay) {
            return new Fault(delay, 0, false, 0);
        }

        /** Answers {@code status} with Ollama's {@code {"error":"..."}} body. */
        public static Fault httpStatus(int status) {
            return new Fault(Duration.ZERO, status, false, 0);
        }

        /** Answers 200 with a truncated JSON body. */
        public static Fault malformedJson() {
            return new Fault(Duration.ZERO, 0, true, 0);
        }

        /** Answers embeddings cut or padded to {@code dimension} (chat and tags are unaffected). */
        public static Fault wrongDimension(int dimension) {
            return new Fault(Duration.ZERO, 0, false, dimension);
        }
    }
}
