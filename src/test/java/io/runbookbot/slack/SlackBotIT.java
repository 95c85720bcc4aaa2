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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP mode end to end: real Bolt, real Lucene over runbooks/, fake Slack on 127.0.0.1. */
class SlackBotIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SYMPTOM = "uvicorn won't start: [Errno 98] Address already in use on port 8000";
    private static final String CURL = "curl: (7) Failed to connect to localhost port 8000 > connection refused";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void slashCommandIsAckedWithinTheRequestAndAnsweredThroughTheResponseUrl() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", "FATAL: sorry, too many clients already");
        h.closeGate();

        long start = System.nanoTime();
        HttpResponse<String> ack = h.post(command);
        long ackMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).path("text").asText()).isEqualTo("Looking it up…");
        assertThat(ackMillis).isLessThan(3000);
        assertThat(h.slack.calls().matching(r -> r.route().equals("response/" + command.responseId())))
                .isEmpty();
        h.openGate();
        RecordedRequest answer = h.slack.awaitResponse(command.responseId(), WAIT);
        assertThat(answer.json().path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Troubleshooting Guide › Database Connection Issues › Common Causes & Solutions"
                        + " › Too Many Connections");
        assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void slashCommandHelpAnswersWithTheHelpText() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", "help");

        h.post(command);

        JsonNode answer = h.slack.awaitResponse(command.responseId(), WAIT).json();
        assertThat(answer.path("text").asText()).contains("run");
        assertThat(answer.has("blocks")).as("no empty blocks array").isFalse();
    }

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
        assertThat(post.param("text").orElse("")).contains("Port Already in Use");
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
    void nextMatchButtonShowsTheSecondCandidateInTheThread() throws Exception {
        h = SlackHarness.http(List.of());
        String value = SlackButtonValue.next("FATAL: sorry, too many clients already", 1);
        SlackPayload click = h.payloads.blockActions(SlackButtonValue.NEXT, value);

        assertThat(h.post(click).statusCode()).isEqualTo(200);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("thread_ts"))
                .contains(click.json().path("message").path("ts").asText());
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(
                        "Troubleshooting Guide › Application Won't Start › Common Causes & Solutions › Port Already in Use");
    }

    @Test
    void buttonOnAnEphemeralAnswerIsAnsweredThroughTheResponseUrl() throws Exception {
        h = SlackHarness.http(List.of());
        ObjectNode json = h.payloads
                .blockActions(SlackButtonValue.NEXT, SlackButtonValue.next("FATAL: sorry, too many clients already", 1))
                .json();
        ((ObjectNode) json.required("container")).put("is_ephemeral", true);
        SlackPayload click = new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);

        h.post(click);

        RecordedRequest answer = h.slack.awaitResponse(click.responseId(), WAIT);
        assertThat(answer.json().path("text").asText()).contains("Common Causes &amp; Solutions");
        assertThat(answer.json().path("replace_original").asBoolean()).isFalse();
        assertThat(h.posts()).isEmpty();
    }

    @Test
    void helpfulButtonRecordsFeedbackFromTheClickingUser() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload click = h.payloads.blockActions(
                SlackButtonValue.HELPFUL, SlackButtonValue.vote("too many clients", "troubleshooting-guide.md:131"));

        h.post(click);

        RecordedRequest thanks = h.slack.awaitResponse(click.responseId(), WAIT);
        assertThat(thanks.json().path("text").asText()).startsWith("Thanks, noted");
        assertThat(thanks.json().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(h.votes).singleElement().satisfies(v -> {
            assertThat(v.helpful()).isTrue();
            assertThat(v.location()).isEqualTo("troubleshooting-guide.md:131");
        });
        assertThat(h.voters.get(0).userId()).isEqualTo(SlackPayloads.USER_ID);
        assertThat(h.voters.get(0).channelId()).isEqualTo(SlackPayloads.CHANNEL_ID);
    }

    @Test
    void answerCarriesRunNextAndFeedbackButtonsWhoseValuesComeBack() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", "FATAL: sorry, too many clients already");
        h.post(command);

        JsonNode blocks =
                h.slack.awaitResponse(command.responseId(), WAIT).json().path("blocks");
        List<String> actionIds = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .map(e -> e.path("action_id").asText())
                .toList();
        assertThat(actionIds)
                .containsExactly(SlackButtonValue.NEXT, SlackButtonValue.HELPFUL, SlackButtonValue.NOT_HELPFUL);
    }

    @Test
    void requestWithABadSignatureIsRejectedWith401() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", "disk full");

        HttpResponse<String> answer =
                new SlackSigner("wrong-secret").sign(command).post(h.endpoint());

        assertThat(answer.statusCode()).isEqualTo(401);
        h.slack.calls().assertNoneWithin(r -> r.route().startsWith("response/"), Duration.ofMillis(300));
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

    @Test
    void encodedSlashCommandGetsTheAnswerAndConfidenceOfTheRawText() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        SlackPayload encoded = h.payloads.slashCommand("/runbook", CURL.replace(">", "&gt;"));

        h.post(raw);
        h.post(encoded);

        JsonNode rawAnswer = h.slack.awaitResponse(raw.responseId(), WAIT).json();
        JsonNode encodedAnswer =
                h.slack.awaitResponse(encoded.responseId(), WAIT).json();
        assertThat(headerAndSource(encodedAnswer)).isEqualTo(headerAndSource(rawAnswer));
        assertThat(headerAndSource(rawAnswer).get(1)).contains("confidence ").doesNotContain("Low");
    }

    @Test
    void encodedMentionWithLinksAndMentionsGetsTheAnswerOfTheDecodedText() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        SlackPayload mention = h.payloads.appMention("<@U0BOT> <!here> " + CURL.replace(">", "&gt;")
                + " <https://grafana.example.com/d/api?a=1&amp;b=2|dashboard> cc <@U0ALICE|alice>");
        h.post(raw);
        String expected = headerAndSource(
                        h.slack.awaitResponse(raw.responseId(), WAIT).json())
                .get(0);

        h.post(mention);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(expected);
    }

    @Test
    void buttonsOfAnEncodedQuestionCarryTheDecodedQuestion() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand("/runbook", CURL.replace(">", "&gt;"));

        h.post(command);

        JsonNode blocks =
                h.slack.awaitResponse(command.responseId(), WAIT).json().path("blocks");
        List<String> questions = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .map(e -> e.path("value").asText())
                .filter(v -> v.contains("\"q\""))
                .map(v -> readTree(v).path("q").asText())
                .toList();
        assertThat(questions).isNotEmpty().containsOnly(CURL);
    }

    @Test
    void noMatchEchoesTheEncodedQuestionEscapedExactlyOnce() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload command = h.payloads.slashCommand(
                "/runbook", "ClickHouse too many parts &amp; merges &lt;slower&gt; than inserts");

        h.post(command);

        String text = h.slack
                .awaitResponse(command.responseId(), WAIT)
                .json()
                .path("text")
                .asText();
        assertThat(text)
                .startsWith("No runbook matches \"ClickHouse too many parts &amp; merges &lt;slower&gt;"
                        + " than inserts\".")
                .doesNotContain("&amp;amp;", "&amp;lt;", "&amp;gt;");
    }

    @Test
    void encodedSymptomInAnIncidentChannelIsAnsweredLikeTheRawOne() throws Exception {
        h = SlackHarness.http(List.of(SlackPayloads.CHANNEL_ID));
        h.post(h.payloads.channelMessage(SlackPayloads.CHANNEL_ID, "<!here> " + CURL.replace(">", "&gt;")));

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);

        SlackPayload raw = h.payloads.slashCommand("/runbook", CURL);
        h.post(raw);
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .isEqualTo(headerAndSource(
                                h.slack.awaitResponse(raw.responseId(), WAIT).json())
                        .get(0));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The answer's header and its "Source: … · confidence N%" line. */
    private static List<String> headerAndSource(JsonNode answer) {
        JsonNode blocks = answer.path("blocks");
        String source = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.path("type").asText().equals("context"))
                .map(b -> b.path("elements").path(0).path("text").asText())
                .filter(t -> t.startsWith("Source: "))
                .findFirst()
                .orElse("(no source line)");
        return List.of(blocks.path(0).path("text").path("text").asText(), source);
    }

    @Test
    void urlVerificationChallengeIsAnswered() throws Exception {
        h = SlackHarness.http(List.of());
        ObjectNode challenge = JSON.createObjectNode()
                .put("token", "legacy")
                .put("challenge", "c-123")
                .put("type", "url_verification");

        HttpResponse<String> answer = h.post(new SlackPayload(SlackPayload.Kind.EVENT, challenge));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("c-123");
    }

    private static JsonNode channelInfo(String id, String name) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.putObject("channel").put("id", id).put("name", name).put("is_channel", true);
        return answer;
    }
}
