package io.runbookbot.fakes;

import io.runbookbot.fakes.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake Ollama on 127.0.0.1 speaking the parts of Ollama's HTTP API that langchain4j-ollama's
 * {@code OllamaEmbeddingModel}, {@code OllamaChatModel} and {@code OllamaModels} call ({@code GET
 * /api/tags}, {@code POST /api/embed}, {@code POST /api/chat}; the bodies are in {@link
 * OllamaWire}). Tags lists {@link #models(String...)}; embed answers one vector per input from the
 * {@link #embedder(Function) embedder} ({@link #hashVector(String, int)} by default); chat answers
 * the next {@link ChatReply scripted reply}.
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

    private final CallLog<RecordedRequest> calls = new CallLog<>();
    private final FakeHttpServer http = new FakeHttpServer(calls);
    private final Deque<ChatReply> script = new ArrayDeque<>();
    private final OllamaFaults faults = new OllamaFaults();
    private final List<String> models =
            new CopyOnWriteArrayList<>(List.of("nomic-embed-text:latest", "all-minilm:latest", "llama3.2:latest"));
    private volatile Function<String, float[]> embedder = text -> hashVector(text, DEFAULT_DIMENSION);
    private volatile boolean down;

    private FakeOllama() {
        http.route("/api/", "/api/", this::api);
        http.route("/", "/", request -> OllamaWire.error(404, "404 page not found"));
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
        faults.always(fault);
        return this;
    }

    /** Applies a fault to the next {@code times} requests only (then the standing fault, if any). */
    public FakeOllama inject(Fault fault, int times) {
        faults.next(fault, times);
        return this;
    }

    /** Removes every injected fault (not {@link #down()}). */
    public FakeOllama clearFaults() {
        faults.clear();
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
        return OllamaWire.texts(embedRequest.json().path("input"));
    }

    @Override
    public void close() {
        if (!down) {
            http.close();
        }
    }

    /** A deterministic unit vector for a text, close for texts that share words: {@link HashVectors}. */
    public static float[] hashVector(String text, int dimension) {
        return HashVectors.of(text, dimension);
    }

    // ---- routing

    private Reply api(RecordedRequest request) {
        Fault fault = faults.take();
        if (fault != null) {
            Optional<Reply> faulted = OllamaFaults.apply(fault);
            if (faulted.isPresent()) {
                return faulted.get();
            }
        }
        int dimension = fault == null ? 0 : fault.dimension();
        return switch (request.method() + " " + request.route()) {
            case "GET tags" -> OllamaWire.tags(models);
            case "POST embed" -> embed(request, dimension);
            case "POST chat" -> chat(request);
            default -> OllamaWire.error(404, "404 page not found");
        };
    }

    private Reply embed(RecordedRequest request, int wrongDimension) {
        String model = OllamaWire.model(request);
        if (!pulled(model)) {
            return OllamaWire.modelNotFound(model);
        }
        List<String> inputs = OllamaWire.texts(request.json().path("input"));
        return OllamaWire.embeddings(model, inputs, embedder, wrongDimension);
    }

    private Reply chat(RecordedRequest request) {
        String model = OllamaWire.model(request);
        if (!pulled(model)) {
            return OllamaWire.modelNotFound(model);
        }
        if (request.json().path("stream").asBoolean(true)) {
            return OllamaWire.error(400, "fake ollama: only \"stream\": false is supported");
        }
        ChatReply reply;
        synchronized (script) {
            reply = script.poll();
        }
        if (reply == null) {
            return OllamaWire.error(500, "fake ollama: no scripted chat reply left");
        }
        return OllamaWire.chat(model, reply);
    }

    private boolean pulled(String model) {
        return models.contains(model) || models.contains(model + ":latest");
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
