package io.runbookbot.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves {@link FakeSlack} with real Bolt, in HTTP mode and in Socket Mode. */
class FakeSlackIT {

    private static final String SECRET = "test-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final BlockingQueue<Object> handled = new LinkedBlockingQueue<>();
    private FakeSlack slack;
    private App app;
    private SocketModeApp socketApp;

    @BeforeEach
    void startFakeAndApp() {
        slack = FakeSlack.start();
        app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slack.slackConfig()))
                .signingSecret(SECRET)
                .singleTeamBotToken("xoxb-test")
                .build());
        app.command("/runbook", (req, ctx) -> {
            String text = req.getPayload().getText();
            workers.submit(() -> ctx.respond("answer for: " + text));
            return ctx.ack("looking it up");
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            handled.add(ctx.getRetryNum() == null ? 0 : ctx.getRetryNum());
            ctx.client()
                    .chatPostMessage(r -> r.channel(event.getChannel())
                            .threadTs(event.getTs())
                            .text("threaded answer"));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            handled.add(payload.getEvent());
            return ctx.ack();
        });
        app.event(MessageChangedEvent.class, (payload, ctx) -> {
            handled.add(payload.getEvent());
            return ctx.ack();
        });
        app.event(MessageBotEvent.class, (payload, ctx) -> {
            handled.add(payload.getEvent());
            return ctx.ack();
        });
        app.blockAction("run_diag", (req, ctx) -> {
            String value = req.getPayload().getActions().get(0).getValue();
            workers.submit(() -> ctx.respond("running " + value));
            return ctx.ack();
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (socketApp != null) {
            socketApp.close();
        }
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        slack.close();
    }

    // ---- HTTP mode ----

    @Test
    void slashCommandIsAckedAtOnceAndAnsweredThroughTheResponseUrl() throws Exception {
        SlackPayload command = slack.payloads().slashCommand("/runbook", "port 8000 already in use");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> ack = new SlackSigner(SECRET).sign(command).post(bridge.url());

            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(Json.parse(ack.body()).path("text").asText()).isEqualTo("looking it up");
            RecordedRequest answer = slack.awaitResponse(command.responseId(), WAIT);
            assertThat(answer.json().path("text").asText()).isEqualTo("answer for: port 8000 already in use");
        }
    }

    @Test
    void appMentionIsAnsweredInItsThreadWithChatPostMessage() throws Exception {
        SlackPayload mention = slack.payloads().appMention("<@U0BOT> pods CrashLoopBackOff after deploy");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> ack = new SlackSigner(SECRET).sign(mention).post(bridge.url());

            assertThat(ack.statusCode()).isEqualTo(200);
            RecordedRequest post = slack.awaitCall("chat.postMessage", WAIT);
            assertThat(post.header("Authorization")).contains("Bearer xoxb-test");
            assertThat(post.param("channel")).contains(SlackPayloads.CHANNEL_ID);
            assertThat(post.param("thread_ts")).contains(mention.eventField("ts"));
            assertThat(post.param("text")).contains("threaded answer");
        }
    }

    @Test
    void requestSignedWithAnotherSecretIsRejectedWith401() throws Exception {
        SlackPayload command = slack.payloads().slashCommand("/runbook", "disk full");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> answer =
                    new SlackSigner("wrong-secret").sign(command).post(bridge.url());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(slack.calls().matching(r -> r.route().startsWith("response/")))
                    .isEmpty();
        }
    }

    @Test
    void requestWithATenMinuteOldTimestampIsRejectedWith401() throws Exception {
        SlackPayload command = slack.payloads().slashCommand("/runbook", "disk full");
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> answer =
                    new SlackSigner(SECRET).sign(command, tenMinutesAgo).post(bridge.url());

            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void retryHeaderReachesTheEventHandler() throws Exception {
        SlackPayload mention = slack.payloads().appMention("<@U0BOT> disk full");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            new SlackSigner(SECRET).sign(mention).withRetry(1, "http_timeout").post(bridge.url());

            assertThat(handled.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void buttonClickIsAckedAndAnsweredThroughTheResponseUrl() throws Exception {
        SlackPayload click = slack.payloads().blockActions("run_diag", "disk-usage");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> ack = new SlackSigner(SECRET).sign(click).post(bridge.url());

            assertThat(ack.statusCode()).isEqualTo(200);
            RecordedRequest answer = slack.awaitResponse(click.responseId(), WAIT);
            assertThat(answer.json().path("text").asText()).isEqualTo("running disk-usage");
        }
    }

    @Test
    void editedMessageArrivesAsMessageChangedEvent() throws Exception {
        SlackPayload edit = slack.payloads().messageChanged("C0INCIDENT", "1700000000.000100", "disk ful", "disk full");
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            new SlackSigner(SECRET).sign(edit).post(bridge.url());

            Object event = handled.poll(5, TimeUnit.SECONDS);
            assertThat(event).isInstanceOf(MessageChangedEvent.class);
            assertThat(((MessageChangedEvent) event).getMessage().getText()).isEqualTo("disk full");
        }
    }

    @Test
    void otherAppsBotMessageIsDeliveredWithItsBotId() throws Exception {
        SlackPayload botMessage =
                slack.payloads().botMessage("C0INCIDENT", "deploy finished", SlackPayloads.OTHER_BOT_ID);
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            new SlackSigner(SECRET).sign(botMessage).post(bridge.url());

            Object event = handled.poll(5, TimeUnit.SECONDS);
            assertThat(event).isInstanceOf(MessageEvent.class);
            assertThat(((MessageEvent) event).getBotId()).isEqualTo(SlackPayloads.OTHER_BOT_ID);
        }
    }

    @Test
    void ownBotMessageIsSkippedByBoltBeforeAnyHandler() throws Exception {
        SlackPayload own = slack.payloads().botMessage("C0INCIDENT", "threaded answer", SlackPayloads.BOT_ID);
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            HttpResponse<String> ack = new SlackSigner(SECRET).sign(own).post(bridge.url());

            // HTTP mode runs the handlers inside the request, so nothing can arrive after the ack
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(handled).isEmpty();
        }
    }

    @Test
    void integrationBotMessageMakesBoltCallBotsInfo() throws Exception {
        SlackPayload alert = slack.payloads().integrationMessage("C0INCIDENT", "CPU > 90%", SlackPayloads.OTHER_BOT_ID);
        try (BoltHttpBridge bridge = new BoltHttpBridge(app)) {
            new SlackSigner(SECRET).sign(alert).post(bridge.url());

            RecordedRequest lookup = slack.awaitCall("bots.info", WAIT);
            assertThat(lookup.param("bot")).contains(SlackPayloads.OTHER_BOT_ID);
            assertThat(handled.poll(5, TimeUnit.SECONDS)).isInstanceOf(MessageBotEvent.class);
        }
    }

    // ---- Socket Mode ----

    @Test
    void socketModeSlashCommandIsAckedWithItsEnvelopeIdAndAnswered() throws Exception {
        SlackPayload command = slack.payloads().slashCommand("/runbook", "port 8000 already in use");
        startSocketMode();
        slack.push(command, "env-1");

        JsonNode ack = slack.awaitAck("env-1", WAIT);
        assertThat(ack.path("payload").path("text").asText()).isEqualTo("looking it up");
        RecordedRequest answer = slack.awaitResponse(command.responseId(), WAIT);
        assertThat(answer.json().path("text").asText()).isEqualTo("answer for: port 8000 already in use");
    }

    @Test
    void socketModeAppMentionIsAckedAndAnsweredInItsThread() throws Exception {
        SlackPayload mention = slack.payloads().appMention("<@U0BOT> pods CrashLoopBackOff");
        startSocketMode();
        slack.push(mention, "env-2");

        assertThat(slack.awaitAck("env-2", WAIT).has("payload")).isFalse();
        RecordedRequest post = slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("thread_ts")).contains(mention.eventField("ts"));
    }

    @Test
    void socketModeButtonClickIsAckedAndAnsweredThroughTheResponseUrl() throws Exception {
        SlackPayload click = slack.payloads().blockActions("run_diag", "disk-usage");
        startSocketMode();
        slack.push(click, "env-3");

        slack.awaitAck("env-3", WAIT);
        RecordedRequest answer = slack.awaitResponse(click.responseId(), WAIT);
        assertThat(answer.json().path("text").asText()).isEqualTo("running disk-usage");
    }

    @Test
    void socketModeConnectsWithTheAppToken() throws Exception {
        startSocketMode();
        RecordedRequest open = slack.awaitCall("apps.connections.open", WAIT);
        assertThat(open.header("Authorization")).contains("Bearer xapp-test");
    }

    // ---- the fake itself ----

    @Test
    void unknownWebApiMethodIsRecordedAndAnsweredNotOk() throws Exception {
        var response =
                Slack.getInstance(slack.slackConfig()).methods("xoxb-test").conversationsList(r -> r);

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("unknown_method");
        assertThat(slack.callsTo("conversations.list")).hasSize(1);
    }

    private void startSocketMode() throws Exception {
        socketApp = new SocketModeApp("xapp-test", SocketModeClient.Backend.JavaWebSocket, app);
        socketApp.startAsync();
        slack.awaitSocketConnection(WAIT);
    }
}
