package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeEngine;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic's parameters asked for in a modal: the list's "Run…" button opens it, its submission
 * is a run the engine checks like any other, the outcome goes to the user alone. Real Bolt over
 * HTTP against a fake Slack, with a fake engine.
 */
class SlackRunFormIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DiagnosticCommand PORT = new DiagnosticCommand(
            "listening-port",
            "Which process listens on a TCP port",
            List.of(DiagnosticParam.text("port", "integer 1-65535")),
            true);

    @AutoClose
    private final SlackAdapterRig rig = new SlackAdapterRig();

    @Test
    void theListsRunButtonOpensAFormWhoseSubmissionRunsTheCheckForTheUserAlone() throws Exception {
        rig.engine.answering(new BotReply.DiagnosticList(List.of(PORT)));
        rig.start(List.of());
        SlackPayload list = rig.payloads.slashCommand("/runbook", "diagnostics");
        rig.post(list);
        JsonNode button = rig.slack
                .awaitResponse(list.responseId(), WAIT)
                .json()
                .path("blocks")
                .get(1)
                .path("accessory");
        assertThat(button.path("text").path("text").asText()).isEqualTo("Run…");
        rig.engine.awaitRequest(WAIT);

        rig.post(rig.payloads.blockActions(
                SlackRunForm.OPEN, button.path("value").asText()));
        RecordedRequest opened = rig.slack.awaitCall("views.open", WAIT);
        JsonNode modal = opened.paramJson("view");
        assertThat(opened.param("trigger_id")).isPresent();
        assertThat(modal.path("callback_id").asText()).isEqualTo(SlackRunForm.CALLBACK);
        assertThat(modal.path("blocks").get(1).path("block_id").asText()).isEqualTo("param_port");
        assertThat(modal.path("blocks").get(1).path("hint").path("text").asText())
                .isEqualTo("port: integer 1-65535");

        rig.post(rig.payloads.viewSubmission(
                SlackRunForm.CALLBACK, modal.path("private_metadata").asText(), Map.of("param_port", " 8000 ")));

        FakeEngine.Received run =
                rig.engine.received().await(r -> r.request() instanceof BotRequest.RunDiagnostic, WAIT);
        assertThat(run.request())
                .isEqualTo(BotRequest.RunDiagnostic.onDefaultAgent("listening-port", Map.of("port", "8000")));
        assertThat(run.caller().channelId()).isEqualTo(SlackPayloads.CHANNEL_ID);
        RecordedRequest result = rig.slack.awaitCall("chat.postEphemeral", WAIT);
        assertThat(result.param("user")).contains(SlackPayloads.USER_ID);
        assertThat(result.param("channel")).contains(SlackPayloads.CHANNEL_ID);
    }

    @Test
    void aFormValueTheBotDidNotWriteOpensNothing() throws Exception {
        rig.start(List.of());
        SlackPayload forged = rig.payloads.blockActions(SlackRunForm.OPEN, "{\"p\": []}");
        SlackPayload vote = rig.payloads.blockActions(SlackButtonValue.HELPFUL, SlackButtonValue.vote("q", "a.md:1"));

        rig.post(forged);
        rig.post(vote);

        rig.slack.awaitResponse(vote.responseId(), WAIT);
        assertThat(rig.slack.callsTo("views.open")).isEmpty();
    }
}
