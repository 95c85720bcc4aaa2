package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the user sees when Slack refuses an answer or a button cannot be read, and what a Slack
 * start failure says: real Bolt against {@link FakeSlack}.
 */
class SlackDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void mentionWhoseAnswerSlackRefusesGetsAPlainNoticeWithSlacksErrorAndAnIncidentIdInItsThread() {
        h = SlackHarness.http(List.of());
        h.slack.answer(
                "chat.postMessage",
                request -> request.param("blocks").isPresent() ? error("invalid_blocks") : posted(request));
        SlackPayload mention = h.payloads.appMention("<@U0BOT> FATAL: sorry, too many clients already");

        postSigned(mention);

        RecordedRequest notice =
                h.slack.awaitCall("chat.postMessage", r -> r.param("blocks").isEmpty(), WAIT);
        assertThat(notice.param("text").orElse(""))
                .matches("Sorry, Slack did not accept my answer here \\(invalid_blocks\\); incident [0-9a-f]{8}\\.");
        assertThat(notice.param("thread_ts")).contains(mention.eventField("ts"));
        assertThat(notice.param("channel")).contains(SlackPayloads.CHANNEL_ID);
    }

    @Test
    void slashCommandAnswerTheResponseUrlRefusesIsReplacedByANoticeWithTheErrorAndAnIncidentId() throws Exception {
        h = SlackHarness.http(List.of());
        h.slack.refuseNextResponse(400, "invalid_blocks");
        SlackPayload command = h.payloads.slashCommand("/runbook", "FATAL: sorry, too many clients already");

        assertThat(h.post(command).statusCode()).isEqualTo(200);

        String route = "response/" + command.responseId();
        RecordedRequest notice = h.slack
                .calls()
                .await(
                        r -> r.route().equals(route)
                                && r.json().path("text").asText().startsWith("Sorry"),
                        WAIT);
        assertThat(notice.json().path("text").asText())
                .matches(
                        "Sorry, Slack did not accept my answer here \\(HTTP 400 invalid_blocks\\); incident [0-9a-f]{8}\\.");
        assertThat(notice.json().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(h.slack.calls().matching(r -> r.route().equals(route))).hasSize(2);
    }

    @Test
    void buttonWithAValueTheBotDidNotWriteIsAnsweredPrivatelyThatNothingWasDone() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload click = h.payloads.blockActions(SlackButtonValue.NEXT, "{\"not\":\"ours\"}");

        assertThat(h.post(click).statusCode()).isEqualTo(200);

        RecordedRequest answer = h.slack.awaitResponse(click.responseId(), WAIT);
        assertThat(answer.json().path("text").asText()).isEqualTo(SlackActions.UNREADABLE);
        assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(h.posts()).isEmpty();
    }

    @Test
    void startWithAnApiHostThatDoesNotResolveNamesTheUnknownHostNotTheToken() {
        SlackSettings settings = settings("http://slack-api.invalid/api/");

        assertThatThrownBy(() -> SlackFrontEnd.start(settings, engine()))
                .isInstanceOf(SlackStartException.class)
                .hasMessage("cannot reach the Slack API: unknown host slack-api.invalid (DNS lookup failed)");
    }

    @Test
    void startWithATokenSlackRefusesSaysSlackRefusedItWithSlacksError() {
        try (FakeSlack slack = FakeSlack.start()) {
            slack.answer("auth.test", request -> error("invalid_auth"));

            assertThatThrownBy(() -> SlackFrontEnd.start(settings(slack.apiUrlPrefix()), engine()))
                    .isInstanceOf(SlackStartException.class)
                    .hasMessage("Slack refused the bot token (auth.test error: invalid_auth)")
                    .hasMessageNotContaining(SlackHarness.BOT_TOKEN);
        }
    }

    @Test
    void startWithNothingListeningNamesTheRefusedConnection() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SlackSettings settings = settings("http://127.0.0.1:" + port + "/api/");

        assertThatThrownBy(() -> SlackFrontEnd.start(settings, engine()))
                .isInstanceOf(SlackStartException.class)
                .hasMessageStartingWith("cannot connect to the Slack API at 127.0.0.1:" + port);
    }

    private void postSigned(SlackPayload payload) {
        try {
            assertThat(h.post(payload).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SlackSettings settings(String apiUrl) {
        return new SlackSettings(
                SlackHarness.BOT_TOKEN,
                new SlackSettings.HttpMode(SlackHarness.SECRET, 0, InetAddress.getLoopbackAddress()),
                List.of(),
                apiUrl);
    }

    private static BotEngine engine() {
        return BotEngine.builder(() -> {
                    throw new AssertionError("no question is asked");
                })
                .build();
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static ObjectNode posted(RecordedRequest request) {
        return JSON.createObjectNode()
                .put("ok", true)
                .put("channel", request.param("channel").orElse(""))
                .put("ts", "1700000100.000001");
    }
}
