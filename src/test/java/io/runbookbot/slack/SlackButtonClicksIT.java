package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Button clicks: next match in the thread, answers to ephemeral messages through the response URL,
 * feedback votes. HTTP mode end to end: real Bolt, real Lucene over the fixture runbooks, fake Slack
 * on 127.0.0.1.
 */
class SlackButtonClicksIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The blocks of an answer with a Helpful button, as Slack sends them back with a click. */
    private static final String VOTE_BUTTONS = """
            [{"type": "actions", "block_id": "runbook_actions", "elements": [
              {"type": "button", "action_id": "runbook_helpful", "text": {"type": "plain_text", "text": "Helpful"},
               "value": "x"}]}]""";

    @AutoClose
    private SlackHarness h;

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
    void shareButtonOnAPrivateAnswerPostsItToTheChannelSharedByTheClicker() throws Exception {
        h = SlackHarness.http(List.of());
        ObjectNode json = h.payloads
                .blockActions(
                        SlackButtonValue.SHARE, SlackButtonValue.next("FATAL: sorry, too many clients already", 0))
                .json();
        ((ObjectNode) json.required("container")).put("is_ephemeral", true);
        SlackPayload click = new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);

        h.post(click);

        RecordedRequest post = h.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        assertThat(post.param("thread_ts")).isEmpty();
        assertThat(post.paramJson("blocks").get(0).path("text").path("text").asText())
                .endsWith("Too Many Connections");
        assertThat(post.paramJson("blocks").get(1).toString()).contains("Shared by <@" + SlackPayloads.USER_ID + ">");
        assertThat(post.paramJson("blocks").toString())
                .doesNotContain(SlackButtonValue.SHARE)
                .contains(SlackButtonValue.NEXT);
    }

    @Test
    void aClickOnTheOpenRunbookLinkIsOnlyAcknowledged() throws Exception {
        h = SlackHarness.http(List.of());
        SlackPayload open = h.payloads.blockActions(SlackButtonValue.OPEN, "");
        SlackPayload vote = h.payloads.blockActions(
                SlackButtonValue.HELPFUL, SlackButtonValue.vote("too many clients", "troubleshooting-guide.md:131"));

        assertThat(h.post(open).statusCode()).isEqualTo(200);
        h.post(vote);

        h.slack.awaitResponse(vote.responseId(), WAIT);
        assertThat(h.slack.calls().matching(r -> r.route().equals("response/" + open.responseId())))
                .isEmpty();
        assertThat(h.posts()).isEmpty();
    }

    /** A click on a vote button of a message whose blocks are an answer's buttons (with earlier votes). */
    private SlackPayload voteOn(JsonNode blocks, String actionId, boolean ephemeral) {
        ObjectNode json = h.payloads
                .blockActions(actionId, SlackButtonValue.vote("too many clients", "troubleshooting-guide.md:131"))
                .json();
        ((ObjectNode) json.required("message")).set("blocks", blocks);
        ((ObjectNode) json.required("container")).put("is_ephemeral", ephemeral);
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }

    @Test
    void votesAreCountedOnTheAnswerItselfOnePerPersonAndAChangedVoteMoves() throws Exception {
        h = SlackHarness.http(List.of());
        JsonNode buttons = JSON.readTree(VOTE_BUTTONS);

        h.post(voteOn(buttons, SlackButtonValue.HELPFUL, false));
        JsonNode first = h.slack.awaitCall("chat.update", WAIT).paramJson("blocks");
        h.post(voteOn(first, SlackButtonValue.NOT_HELPFUL, false));
        h.slack.calls().awaitCount(r -> r.route().equals("chat.update"), 2, WAIT);

        String votes = h.slack.callsTo("chat.update").get(1).paramJson("blocks").toString();
        assertThat(first.toString()).contains("Helpful (1): <@" + SlackPayloads.USER_ID + ">");
        assertThat(votes).contains("Helpful (0)").contains("Not helpful (1): <@" + SlackPayloads.USER_ID + ">");
        assertThat(h.votes).hasSize(2);
    }

    @Test
    void aVoteOnAPrivateAnswerReplacesItWithTheCount() throws Exception {
        h = SlackHarness.http(List.of());
        JsonNode buttons = JSON.readTree(VOTE_BUTTONS);
        SlackPayload click = voteOn(buttons, SlackButtonValue.HELPFUL, true);

        h.post(click);

        h.slack.calls().awaitCount(r -> r.route().equals("response/" + click.responseId()), 2, WAIT);
        List<RecordedRequest> responses =
                h.slack.calls().matching(r -> r.route().equals("response/" + click.responseId()));
        assertThat(responses).anySatisfy(r -> {
            assertThat(r.json().path("replace_original").asBoolean()).isTrue();
            assertThat(r.json().path("blocks").toString()).contains("Helpful (1)");
        });
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
}
