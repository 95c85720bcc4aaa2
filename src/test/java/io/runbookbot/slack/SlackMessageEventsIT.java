package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import io.runbookbot.fakes.SlackSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Mentions and incident-channel messages: answered in their thread, once; chatter, bots and edits get
 * no answer. HTTP mode end to end: real Bolt, real Lucene over the fixture runbooks, fake Slack on
 * 127.0.0.1.
 */
class SlackMessageEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SYMPTOM = "uvicorn won't start: [Errno 98] Address already in use on port 8000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private SlackHarness h;

    @Test
    void mentionIsAnsweredInItsThread() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload mention = h.payloads.appMention("<@U0BOT> FATAL: sorry, too many clients already");

        assertThat(h.post(mention).statusCode()).isEqualTo(200);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        assertThat(post.param("thread_ts")).contains(mention.eventField("ts"));
        assertThat(post.param("text").orElse("")).contains("Too Many Connections");
    }

    @Test
    void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload mention =
                h.payloads.appMention("<@U0BOT> too many clients").withEvent("thread_ts", "1699999999.000001");

        h.post(mention);

        assertThat(h.slack.awaitCall("chat.postMessage", WAIT).param("thread_ts"))
                .contains("1699999999.000001");
    }

    @Test
    void symptomInAnIncidentChannelIsAnsweredUnaskedInItsThread() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        SlackPayload symptom = h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, SYMPTOM);

        h.post(symptom);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("thread_ts")).contains(symptom.eventField("ts"));
        assertThat(post.param("text").orElse(""))
                .as("the uvicorn runbook (port 8000), not the Flask one that quotes the same error line")
                .contains("api-server-down.md");
    }

    @Test
    void incidentChannelNamePatternIsResolvedWithConversationsInfo() throws Exception {
        h = SlackHarness.http(List.of("inc-*"));
        h.slack.answer(
                "conversations.info",
                request -> channelInfo(request.param("channel").orElse(""), "inc-2041-api"));
        SlackPayload symptom = h.payloads.channelMessage("C0INC2041", SYMPTOM);

        h.post(symptom);

        assertThat(h.slack.awaitCall("chat.postMessage", WAIT).param("channel")).contains("C0INC2041");
        assertThat(h.slack.callsTo("conversations.info")).hasSize(1);
    }

    @Test
    void symptomOutsideTheIncidentChannelsGetsNoAnswer() throws Exception {
        h = SlackHarness.http(List.of("inc-*"));
        h.slack.answer(
                "conversations.info",
                request -> channelInfo(request.param("channel").orElse(""), "random"));

        h.post(h.payloads.channelMessage("C0RANDOM", SYMPTOM));

        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("only the later mention is answered").hasSize(1);
    }

    @Test
    void chatterInAnIncidentChannelGetsNoAnswer() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        for (String chatter : List.of("who's on call?", "lunch?", "+1", "rolling back now")) {
            assertThat(h.post(h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, chatter))
                            .statusCode())
                    .isEqualTo(200);
        }

        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("only the later mention is answered").hasSize(1);
    }

    @Test
    void retriedEventIsAnsweredOnce() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        SlackPayload symptom = h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, SYMPTOM);
        SlackSigner signer = new SlackSigner(SlackHarness.SECRET);

        assertThat(signer.sign(symptom).post(h.endpoint()).statusCode()).isEqualTo(200);
        assertThat(signer.sign(symptom)
                        .withRetry(1, "http_timeout")
                        .post(h.endpoint())
                        .statusCode())
                .isEqualTo(200);

        h.slack.awaitCall("chat.postMessage", WAIT);
        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("the symptom's answer and the later mention's").hasSize(2);
    }

    @Test
    void botMessagesAndTheBotsOwnMessagesGetNoAnswer() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        var payloads = h.payloads;

        h.post(payloads.botMessage(SlackPayloads.CHANNEL_ID, SYMPTOM, SlackPayloads.OTHER_BOT_ID));
        h.post(payloads.botMessage(SlackPayloads.CHANNEL_ID, SYMPTOM, SlackPayloads.BOT_ID));
        h.post(payloads.integrationMessage(SlackPayloads.CHANNEL_ID, SYMPTOM, SlackPayloads.OTHER_BOT_ID));

        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("only the later mention is answered").hasSize(1);
    }

    @Test
    void editedMessageGetsNoAnswer() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));

        HttpResponse<String> ack = h.post(h.payloads.messageChanged(
                SlackPayloads.CHANNEL_ID, "1700000000.000100", "uvicorn wont start", SYMPTOM));

        assertThat(ack.statusCode()).isEqualTo(200);
        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("only the later mention is answered").hasSize(1);
    }

    @Test
    void mentionInAnIncidentChannelIsAnsweredOnceNotAlsoAsTriage() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        String text = "<@U0BOT> " + SYMPTOM;

        h.post(h.payloads.appMention(text));
        h.post(h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, text));

        h.slack.awaitCall("chat.postMessage", WAIT);
        h.awaitAnswerToALaterMention();
        assertThat(h.posts()).as("one answer and the later mention's").hasSize(2);
    }

    private static JsonNode channelInfo(String id, String name) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.putObject("channel").put("id", id).put("name", name).put("is_channel", true);
        return answer;
    }
}
