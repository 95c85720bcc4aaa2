package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode (app token) end to end against the fake's WebSocket endpoint. */
class SlackSocketModeIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private SlackHarness h;

    @BeforeEach
    void start() {
        h = SlackHarness.socketMode();
        h.slack.awaitSocketConnection(WAIT);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void slashCommandIsAckedWithAnEnvelopeAckAndAnsweredThroughTheResponseUrl() {
        SlackPayload command = h.payloads.slashCommand("/runbook", "FATAL: sorry, too many clients already");

        h.slack.push(command, "env-1");

        JsonNode ack = h.slack.awaitAck("env-1", WAIT);
        assertThat(ack.path("payload").path("text").asText()).isEqualTo("Looking it up…");
        RecordedRequest answer = h.slack.awaitResponse(command.responseId(), WAIT);
        assertThat(answer.json().path("text").asText()).contains("Too Many Connections");
        assertThat(h.slack.awaitCall("apps.connections.open", WAIT).header("Authorization"))
                .contains("Bearer xapp-test");
        assertThat(h.frontEnd.httpPort()).isEmpty();
    }

    @Test
    void mentionIsAnsweredInItsThreadAndARetriedEnvelopeOnlyOnce() {
        SlackPayload mention = h.payloads.appMention("<@U0BOT> FATAL: sorry, too many clients already");

        h.slack.push(mention, "env-2");
        h.slack.pushRaw(mention.envelope("env-3", 1, "timeout"));

        assertThat(h.slack.awaitAck("env-3", WAIT).has("payload")).isFalse();
        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("thread_ts")).contains(mention.eventField("ts"));
        assertThat(post.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        SlackPayload later = h.payloads.appMention("<@U0BOT> disk full: no space left on device");
        h.slack.push(later, "env-4"); // instead of a fixed quiet period: a later mention is answered
        h.slack.awaitCall(
                "chat.postMessage", r -> r.param("thread_ts").equals(Optional.of(later.eventField("ts"))), WAIT);
        assertThat(h.posts()).as("the mention's answer and the later mention's").hasSize(2);
    }

    @Test
    void notHelpfulButtonIsAckedAndRecordedAsFeedback() {
        SlackPayload click = h.payloads.blockActions(
                SlackButtonValue.NOT_HELPFUL,
                SlackButtonValue.vote("too many clients", "troubleshooting-guide.md:131"));

        h.slack.push(click, "env-4");

        h.slack.awaitAck("env-4", WAIT);
        assertThat(h.slack
                        .awaitResponse(click.responseId(), WAIT)
                        .json()
                        .path("text")
                        .asText())
                .startsWith("Thanks, noted");
        assertThat(h.votes)
                .singleElement()
                .satisfies(v -> assertThat(v.helpful()).isFalse());
    }
}
