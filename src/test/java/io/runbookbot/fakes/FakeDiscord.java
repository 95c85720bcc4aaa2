package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * A fake Discord on 127.0.0.1: the REST API under {@code /api/v10/} and a gateway WebSocket, for
 * one guild ({@link DiscordEvents#GUILD_ID}) with one text channel ({@link
 * DiscordEvents#CHANNEL_ID}). REST calls are recorded in {@link #calls()} (route = the path below
 * {@code /api/v10/}), frames sent by the client in {@link #gatewayFrames()}.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.builder().role(ONCALL, "oncall").start()) {
 *   JDA jda = discord.jdaBuilder("token", EnumSet.of(GUILD_MESSAGES, MESSAGE_CONTENT))
 *       .addEventListeners(listener).build();
 *   FakeDiscord.awaitReady(jda, Duration.ofSeconds(10));
 *   discord.pushMention("disk full", ONCALL);
 *   discord.awaitCall("POST", "channels/" + CHANNEL_ID + "/messages", Duration.ofSeconds(5));
 *   jda.shutdownNow(); jda.awaitShutdown(Duration.ofSeconds(5));   // before closing the fake
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {

    /** Declares the roles of the fake guild. */
    public static final class Builder {
        private final List<DiscordGuild.Role> roles = new ArrayList<>();

        private Builder() {}

        /** A guild role; member role ids in events must be declared here or JDA drops them. */
        public Builder role(String id, String name) {
            roles.add(new DiscordGuild.Role(id, name));
            return this;
        }

        public FakeDiscord start() {
            return new FakeDiscord(new DiscordGuild(roles));
        }
    }

    private final AtomicLong snowflakes = new AtomicLong(5_000_000_000_000_001_000L);
    private final CallLog<RecordedRequest> calls = new CallLog<>();
    private final FakeHttpServer http = new FakeHttpServer(calls);
    private final DiscordRest rest = new DiscordRest(snowflakes);
    private final DiscordGateway gateway;
    private final java.util.concurrent.ConcurrentLinkedQueue<Failure> failures =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<AnswerHold> holds = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeDiscord(DiscordGuild guild) {
        http.route("/api/v10/", "/api/v10/", this::handle);
        http.start();
        gateway = new DiscordGateway(guild);
        gateway.startAndWait();
    }

    /**
     * Makes Discord refuse the next REST call that matches, with {@code status} and a Discord error
     * body (e.g. 400 "Invalid Form Body", code 50035); later calls are answered as usual.
     */
    public void failNext(Predicate<RecordedRequest> matching, int status, String message, int code) {
        failures.add(new Failure(matching, status, message, code));
    }

    private FakeHttpServer.Reply handle(RecordedRequest request) {
        for (Failure failure : failures) {
            if (failure.matching().test(request) && failures.remove(failure)) {
                return FakeHttpServer.Reply.json(
                        failure.status(),
                        Json.object().put("message", failure.message()).put("code", failure.code()));
            }
        }
        FakeHttpServer.Reply reply = rest.handle(request);
        holds.forEach(hold -> hold.holdIfMatching(request));
        return reply;
    }

    /**
     * Holds back the answer to the first REST call that matches, after Discord has taken it (a
     * posted message is in the channel), until {@link AnswerHold#release()}.
     */
    public AnswerHold holdAnswer(Predicate<RecordedRequest> matching) {
        AnswerHold hold = new AnswerHold(matching);
        holds.add(hold);
        return hold;
    }

    /**
     * How long a post's nonce is remembered for {@code enforce_nonce} (default 2 minutes; Discord
     * says "the past few minutes").
     */
    public void nonceWindow(Duration window) {
        rest.channels().nonceWindow(window);
    }

    /** The messages the bot posted in a channel (not interaction answers), newest first, as JSON. */
    public List<JsonNode> channelMessages(String channelId) {
        return rest.channels().messages(channelId);
    }

    private record Failure(Predicate<RecordedRequest> matching, int status, String message, int code) {}

    public static Builder builder() {
        return new Builder();
    }

    /** A fake whose guild has only the {@code @everyone} role. */
    public static FakeDiscord start() {
        return builder().start();
    }

    /** The value for {@code RestConfig#setBaseUrl}: {@code http://127.0.0.1:PORT/api/v10/}. */
    public String restBaseUrl() {
        return http.base() + "/api/v10/";
    }

    /** {@code ws://127.0.0.1:PORT/}, returned by the session controller's {@code getGateway()}. */
    public URI gatewayUrl() {
        return gateway.url();
    }

    /**
     * {@code JDABuilder.createLight} aimed at this fake: REST base URL, gateway through a session
     * controller (JDABuilder never calls {@code GET gateway/bot}), no compression, JSON encoding.
     */
    public JDABuilder jdaBuilder(String token, EnumSet<GatewayIntent> intents) {
        String gatewayUrl = gatewayUrl().toString();
        return JDABuilder.createLight(token, intents)
                .setRestConfig(new RestConfig().setBaseUrl(restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON);
    }

    /** {@code jda.awaitReady()} with a timeout (JDA's own has none). */
    public static void awaitReady(JDA jda, Duration timeout) throws InterruptedException {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<JDA> ready = waiter.submit(jda::awaitReady);
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("JDA not ready within " + timeout + " (status " + jda.getStatus() + ")", e);
        } finally {
            waiter.shutdownNow();
        }
    }

    /** Builders for the events a user causes. */
    public DiscordEvents events() {
        return new DiscordEvents(snowflakes);
    }

    /** Sends a dispatch to the identified client (waits up to 5 s for its IDENTIFY). */
    public GatewayEvent dispatch(GatewayEvent event) {
        rest.remember(event);
        gateway.dispatch(event);
        return event;
    }

    /** Pushes {@code @bot text} by Alice with these roles. */
    public GatewayEvent pushMention(String text, String... roleIds) {
        return dispatch(events().mention(text, roleIds));
    }

    /** Pushes {@code /runbook run check:... [params:...]} by Alice with these roles. */
    public GatewayEvent pushRunCommand(String check, String params, String... roleIds) {
        return dispatch(events().runCommand(check, params, roleIds));
    }

    /** Pushes {@code /runbook ask question:...} by Alice with these roles. */
    public GatewayEvent pushSlashCommand(String question, String... roleIds) {
        return dispatch(events().slashCommand(question, roleIds));
    }

    /**
     * Pushes a click by Alice on a bot message's button with this custom id: the latest message the
     * bot sent with that button comes with the click, as Discord does (a bare one if there is none).
     */
    public GatewayEvent pushButton(String customId, String... roleIds) {
        ObjectNode sent = Json.object();
        for (RecordedRequest r :
                calls.matching(r -> r.method().equals("POST") || r.method().equals("PATCH"))) {
            if (r.json().toString().contains("\"custom_id\":\"" + customId.replace("\"", "\\\"") + "\"")) {
                sent = (ObjectNode) r.json();
            }
        }
        return dispatch(events().button(customId, sent, roleIds));
    }

    /** Every REST call received, 404s included. */
    public CallLog<RecordedRequest> calls() {
        return calls;
    }

    /** Waits for the first REST call with this method and route ({@code channels/.../messages}). */
    public RecordedRequest awaitCall(String method, String route, Duration timeout) {
        return calls.await(r -> r.is(method, route), timeout);
    }

    /** Waits for the first REST call that matches. */
    public RecordedRequest awaitCall(Predicate<RecordedRequest> predicate, Duration timeout) {
        return calls.await(predicate, timeout);
    }

    /** Waits for the callback that answers a pushed interaction. */
    public RecordedRequest awaitCallback(GatewayEvent interaction, Duration timeout) {
        return awaitCall("POST", interaction.callbackRoute(), timeout);
    }

    /** Waits for a follow-up or original-response edit on a pushed interaction's webhook. */
    public RecordedRequest awaitFollowUp(GatewayEvent interaction, Duration timeout) {
        String webhook = "webhooks/" + DiscordEvents.APPLICATION_ID + "/" + interaction.token();
        return calls.await(r -> r.route().startsWith(webhook), timeout);
    }

    /** Waits for the bot's message in {@link DiscordEvents#CHANNEL_ID} that replies to a pushed message. */
    public RecordedRequest awaitReplyTo(GatewayEvent message, Duration timeout) {
        return calls.await(
                r -> r.is("POST", "channels/" + DiscordEvents.CHANNEL_ID + "/messages")
                        && r.json()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(message.id()),
                timeout);
    }

    /** The custom id of the button labelled {@code label} in a message the bot sent. */
    public static String buttonId(RecordedRequest message, String label) {
        List<String> seen = new ArrayList<>();
        for (JsonNode row : message.json().path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
                seen.add(button.path("label").asText());
            }
        }
        throw new AssertionError("no button \"" + label + "\"; buttons: " + seen);
    }

    /** Every frame the client sent on the gateway (IDENTIFY, heartbeats, ...), parsed. */
    public CallLog<JsonNode> gatewayFrames() {
        return gateway.frames();
    }

    /** Stops both servers; shut JDA down first, or it will try to reconnect. */
    @Override
    public void close() {
        holds.forEach(AnswerHold::release);
        gateway.close();
        http.close();
    }
}
