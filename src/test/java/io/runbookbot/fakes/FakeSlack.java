package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.SlackConfig;
import io.runbookbot.fakes.FakeHttpServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake Slack on 127.0.0.1: the Web API under {@code /api/}, response URLs under {@code
 * /response/{id}} and a Socket Mode WebSocket endpoint. Every HTTP call is recorded in {@link
 * #calls()} (route = the API method, or {@code response/{id}}); Socket Mode acks in {@link
 * #acks()}.
 *
 * <pre>{@code
 * try (FakeSlack slack = FakeSlack.start()) {
 *   App app = new App(AppConfig.builder().slack(Slack.getInstance(slack.slackConfig()))
 *       .signingSecret(SECRET).singleTeamBotToken("xoxb-test").build());
 *   ...
 *   slack.awaitCall("chat.postMessage", Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FakeSlack implements AutoCloseable {

    private final CallLog<RecordedRequest> calls = new CallLog<>();
    private final FakeHttpServer http = new FakeHttpServer(calls);
    private final SlackSocketServer socket = new SlackSocketServer();
    private final SlackWebApi webApi;
    private final Map<String, Function<RecordedRequest, JsonNode>> overrides = new ConcurrentHashMap<>();

    private final java.util.Queue<Reply> refusals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<AnswerHold> holds = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeSlack() {
        socket.startAndWait();
        webApi = new SlackWebApi(socketUrl());
        http.route("/api/", "/api/", this::webApi);
        http.route("/response/", "/", request -> {
            Reply refusal = refusals.poll();
            return refusal != null ? refusal : new Reply(200, "text/plain", "ok");
        });
        http.start();
    }

    /** Starts the HTTP and WebSocket servers on ephemeral ports. */
    public static FakeSlack start() {
        return new FakeSlack();
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI baseUrl() {
        return http.base();
    }

    /** The value for {@code SlackConfig#setMethodsEndpointUrlPrefix}: {@code baseUrl()/api/}. */
    public String apiUrlPrefix() {
        return baseUrl() + "/api/";
    }

    /**
     * A fresh SDK config aimed at this fake, with the proxy cleared (env proxies break 127.0.0.1).
     */
    public SlackConfig slackConfig() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrlPrefix());
        config.setProxyUrl(null);
        return config;
    }

    /** A response URL on this fake, as put in slash-command and interaction payloads. */
    public URI responseUrl(String id) {
        return URI.create(baseUrl() + "/response/" + id);
    }

    /** The Socket Mode URL that {@code apps.connections.open} hands out. */
    public URI socketUrl() {
        return URI.create("ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=fake");
    }

    /** Builders for inbound payloads whose response URLs point here. */
    public SlackPayloads payloads() {
        return new SlackPayloads(baseUrl());
    }

    /** Every HTTP call received, answered ones and unknown methods alike. */
    public CallLog<RecordedRequest> calls() {
        return calls;
    }

    /** The calls to one Web API method so far. */
    public List<RecordedRequest> callsTo(String apiMethod) {
        return calls.matching(r -> r.route().equals(apiMethod));
    }

    /** Waits for the first call to a Web API method, such as {@code chat.postMessage}. */
    public RecordedRequest awaitCall(String apiMethod, Duration timeout) {
        return awaitCall(apiMethod, r -> true, timeout);
    }

    /** Waits for the first call to a Web API method that also matches {@code predicate}. */
    public RecordedRequest awaitCall(String apiMethod, Predicate<RecordedRequest> predicate, Duration timeout) {
        return calls.await(r -> r.route().equals(apiMethod) && predicate.test(r), timeout);
    }

    /** Waits for the first post to {@code /response/{responseId}}. */
    public RecordedRequest awaitResponse(String responseId, Duration timeout) {
        return calls.await(r -> r.route().equals("response/" + responseId), timeout);
    }

    /**
     * Replaces the fake's answer to one Web API method, e.g. with {@code {"ok":false,...}}; a
     * responder that returns null leaves that call to the fake's usual answer.
     */
    public void answer(String apiMethod, Function<RecordedRequest, JsonNode> responder) {
        overrides.put(apiMethod, responder);
    }

    /**
     * Makes Slack refuse the next post to a response URL, e.g. 400 {@code invalid_blocks} (Slack
     * answers response URLs in plain text); later posts are taken as usual.
     */
    public void refuseNextResponse(int status, String body) {
        refusals.add(new Reply(status, "text/plain", body));
    }

    /**
     * Holds back the answer to the first call of {@code apiMethod} that matches, after Slack has
     * taken it (a posted message is in the channel's history), until {@link AnswerHold#release()}.
     */
    public AnswerHold holdAnswer(String apiMethod, Predicate<RecordedRequest> predicate) {
        AnswerHold hold = new AnswerHold(r -> r.route().equals(apiMethod) && predicate.test(r));
        holds.add(hold);
        return hold;
    }

    /**
     * The top-level messages of a channel as Slack keeps them (thread replies left out), newest
     * first, metadata included: what a user scrolling the channel sees, as JSON.
     */
    public List<JsonNode> channelMessages(String channel) {
        return List.copyOf(webApi.history().topLevel(channel));
    }

    /** Waits until the app under test has opened a Socket Mode connection. */
    public void awaitSocketConnection(Duration timeout) {
        socket.awaitConnection(timeout);
    }

    /**
     * Waits until the app under test has opened {@code count} Socket Mode connections in all, e.g.
     * 2 once a restarted app has connected again.
     */
    public void awaitSocketConnections(int count, Duration timeout) {
        socket.opened().awaitCount(c -> true, count, timeout);
    }

    /** How many Socket Mode connections the app has opened so far. */
    public int socketConnections() {
        return socket.opened().all().size();
    }

    /** Sends a Socket Mode envelope (waits up to 5 s for a connection). */
    public void push(SlackPayload payload, String envelopeId) {
        socket.push(payload.envelope(envelopeId));
    }

    /** Sends raw Socket Mode text, e.g. a {@code disconnect} message or a retried envelope. */
    public void pushRaw(String frame) {
        socket.push(frame);
    }

    /** Every frame the app sent over Socket Mode, parsed. */
    public CallLog<JsonNode> acks() {
        return socket.acks();
    }

    /** Waits for the app's ack of one envelope: {@code {"envelope_id":...[,"payload":{...}]}}. */
    public JsonNode awaitAck(String envelopeId, Duration timeout) {
        return socket.acks().await(a -> envelopeId.equals(a.path("envelope_id").asText()), timeout);
    }

    @Override
    public void close() {
        holds.forEach(AnswerHold::release);
        socket.close();
        http.close();
    }

    private Reply webApi(RecordedRequest request) {
        String method = request.route();
        Function<RecordedRequest, JsonNode> override = overrides.get(method);
        JsonNode overridden = override == null ? null : override.apply(request);
        if (overridden != null) {
            return Reply.json(overridden);
        }
        Reply reply = Reply.json(webApi.answer(method, request));
        holds.forEach(hold -> hold.holdIfMatching(request));
        return reply;
    }

    static ObjectNode error(String code) {
        ObjectNode error = Json.object();
        error.put("ok", false);
        error.put("error", code);
        return error;
    }
}
