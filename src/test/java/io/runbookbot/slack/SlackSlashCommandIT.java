package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackSigner;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Slash commands and the events endpoint: ack within the request, answer through the response URL,
 * signatures checked. HTTP mode end to end: real Bolt, real Lucene over the fixture runbooks, fake
 * Slack on 127.0.0.1.
 */
class SlackSlashCommandIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private SlackHarness h;

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
        assertThat(answer.json().path("replace_original").asBoolean())
                .as("the answer takes the place of 'Looking it up…'")
                .isTrue();
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
                .containsExactly(
                        SlackButtonValue.SHARE,
                        SlackButtonValue.NEXT,
                        SlackButtonValue.HELPFUL,
                        SlackButtonValue.NOT_HELPFUL);
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
}
