package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SignedSlackRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import io.runbookbot.fakes.SlackSigner;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.slack.SlackFrontEnd;
import io.runbookbot.slack.SlackSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile chat text and replays through the real Slack HTTP endpoint (real Bolt, signed requests on
 * 127.0.0.1, the real engine over runbooks/, a fake Slack Web API).
 */
class SlackChatTextSecurityIT {
    private static final String SECRET = "security-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUESTION = "FATAL: sorry, too many clients already";
    private static IndexedRunbooks runbooks;

    private FakeSlack slack;
    private SlackPayloads payloads;
    private SlackFrontEnd frontEnd;
    private final SlackSigner signer = new SlackSigner(SECRET);

    @BeforeAll
    static void index() {
        runbooks = IndexedRunbooks.open(Path.of("runbooks"));
    }

    @AfterAll
    static void closeIndex() {
        runbooks.close();
    }

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        payloads = slack.payloads();
        BotEngine engine = BotEngine.builder(() -> runbooks).build();
        frontEnd = SlackFrontEnd.start(
                new SlackSettings(
                        "xoxb-test",
                        new SlackSettings.HttpMode(SECRET, 0, InetAddress.getLoopbackAddress()),
                        List.of(SlackPayloads.CHANNEL_ID),
                        slack.apiUrlPrefix()),
                engine);
    }

    @AfterEach
    void stop() {
        frontEnd.close();
        slack.close();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + frontEnd.httpPort().orElseThrow() + "/slack/events");
    }

    @Test
    void fortyThousandCharacterMessagesInAnIncidentChannelDoNotDelayANormalAnswer() throws Exception {
        String hostile = "a".repeat(40_000) + " and then some";
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> acks = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                SignedSlackRequest r = signer.sign(payloads.channelMessage(SlackPayloads.CHANNEL_ID, hostile));
                acks.add(senders.submit(() -> r.post(endpoint())));
            }
            SlackPayload command = payloads.slashCommand("/runbook", QUESTION);
            long start = System.nanoTime();
            assertThat(signer.sign(command).post(endpoint()).statusCode()).isEqualTo(200);
            RecordedRequest answer = slack.awaitResponse(command.responseId(), WAIT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "SlackChatTextSecurityIT: /runbook answered in %d ms during 24 messages of 40,000 "
                            + "characters (was 184 s)%n",
                    millis);

            assertThat(answer.json().path("text").asText()).contains("Too Many Connections");
            assertThat(millis).isLessThan(5_000);
            for (Future<HttpResponse<String>> ack : acks) {
                assertThat(ack.get().statusCode()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aaTimesTwentyThousandIsAnsweredAndTheNextQuestionToo() throws Exception {
        String hostile = "Aa".repeat(20_000);
        signer.sign(payloads.channelMessage(SlackPayloads.CHANNEL_ID, hostile + " and then some"))
                .post(endpoint());
        SlackPayload attack = payloads.slashCommand("/runbook", hostile + " and then some");
        signer.sign(attack).post(endpoint());
        slack.awaitResponse(attack.responseId(), WAIT);

        SlackPayload next = payloads.slashCommand("/runbook", QUESTION);
        signer.sign(next).post(endpoint());

        assertThat(slack.awaitResponse(next.responseId(), WAIT)
                        .json()
                        .path("text")
                        .asText())
                .contains("Too Many Connections");
    }

    @Test
    void aRequestSignedTenMinutesInTheFutureIsRefusedWith401() throws Exception {
        SlackPayload command = payloads.slashCommand("/runbook", QUESTION);

        HttpResponse<String> response =
                signer.sign(command, Instant.now().plusSeconds(600)).post(endpoint());

        assertThat(response.statusCode()).isEqualTo(401);
        afterTheReplays(payloads.slashCommand("/runbook", QUESTION));
        assertThat(slack.calls().matching(r -> r.route().equals("response/" + command.responseId())))
                .isEmpty();
    }

    @Test
    void aRequestSignedFarInTheFutureIsRefusedWith401() throws Exception {
        SlackPayload command = payloads.slashCommand("/runbook", QUESTION);

        HttpResponse<String> response =
                signer.sign(command, Instant.ofEpochSecond(1L << 40)).post(endpoint());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aReplayedSlashCommandIsAnsweredOnce() throws Exception {
        SlackPayload command = payloads.slashCommand("/runbook", QUESTION);
        SignedSlackRequest captured = signer.sign(command);

        for (int i = 0; i < 4; i++) {
            assertThat(captured.post(endpoint()).statusCode()).isEqualTo(200);
        }

        slack.awaitResponse(command.responseId(), WAIT);
        afterTheReplays(payloads.slashCommand("/runbook", QUESTION));
        assertThat(slack.calls().matching(r -> r.route().equals("response/" + command.responseId())))
                .hasSize(1);
    }

    /**
     * Instead of a fixed wait for answers to replays: a fresh request sent after them and answered,
     * so that any answer to a replay, which was queued before it, has had its turn.
     */
    private void afterTheReplays(SlackPayload fresh) throws Exception {
        assertThat(signer.sign(fresh).post(endpoint()).statusCode()).isEqualTo(200);
        slack.awaitResponse(fresh.responseId(), WAIT);
    }

    @Test
    void aReplayedButtonClickIsHandledOnce() throws Exception {
        SlackPayload click = payloads.blockActions("runbook_helpful", "{\"q\":\"disk full\",\"loc\":\"a.md#L1\"}");
        SignedSlackRequest captured = signer.sign(click);

        for (int i = 0; i < 3; i++) {
            assertThat(captured.post(endpoint()).statusCode()).isEqualTo(200);
        }

        slack.awaitResponse(click.responseId(), WAIT);
        afterTheReplays(payloads.blockActions("runbook_helpful", "{\"q\":\"disk full\",\"loc\":\"a.md#L2\"}"));
        assertThat(slack.calls().matching(r -> r.route().equals("response/" + click.responseId())))
                .hasSize(1);
    }
}
