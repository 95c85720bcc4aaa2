package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.DiagnosticReport;
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
 * The run form asks each parameter by its kind, refuses invalid values under their field before
 * anything runs, and a run's output can be shared in the channel. Real Bolt over HTTP against a
 * fake Slack, with a fake engine; payloads as Slack sends them.
 */
class SlackRunFormKindsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG_CHOICE = "unit-" + "x".repeat(120);
    private static final DiagnosticCommand UNIT_STATUS = new DiagnosticCommand(
            "unit-status",
            "A unit's state and its last log lines",
            List.of(
                    new DiagnosticParam(
                            "unit",
                            DiagnosticParam.Kind.CHOICE,
                            "one of: nginx, postgres, …",
                            List.of("nginx", "postgres", LONG_CHOICE),
                            0,
                            0),
                    new DiagnosticParam("port", DiagnosticParam.Kind.INTEGER, "integer 1-65535", List.of(), 1, 65_535),
                    new DiagnosticParam(
                            "file", DiagnosticParam.Kind.PATH, "path inside logs (/var/log)", List.of(), 0, 0)),
            true);
    private static final DiagnosticReport.Ran RAN = new DiagnosticReport.Ran(
            "ran",
            new DiagnosticCall("local", "unit-status", Map.of("unit", "postgres", "port", "5432")),
            0,
            "● postgresql.service - PostgreSQL\n   Active: active (running)\n",
            "",
            true,
            false,
            12);

    @AutoClose
    private final SlackAdapterRig rig = new SlackAdapterRig();

    /** The engine lists UNIT_STATUS and answers a run with RAN. */
    private void start() {
        rig.engine.answering(request -> request instanceof BotRequest.RunDiagnostic
                ? new BotReply.Diagnostic(RAN)
                : new BotReply.DiagnosticList(List.of(UNIT_STATUS)));
        rig.start(List.of());
    }

    /** Clicks the list's "Run…" button and returns the modal Slack was asked to open. */
    private JsonNode openForm() throws Exception {
        SlackPayload list = rig.payloads.slashCommand("/runbook", "diagnostics");
        rig.post(list);
        JsonNode button = rig.slack
                .awaitResponse(list.responseId(), WAIT)
                .json()
                .path("blocks")
                .get(1)
                .path("accessory");
        String value = button.path("value").asText();
        assertThat(value).isEqualTo("{\"id\":\"unit-status\"}").hasSizeLessThanOrEqualTo(SlackButtonValue.MAX_VALUE);
        rig.post(rig.payloads.blockActions(SlackRunForm.OPEN, value));
        return rig.slack.awaitCall("views.open", WAIT).paramJson("view");
    }

    /** A view_submission of the form, its state as Slack sends each kind of element. */
    private SlackPayload submission(JsonNode modal, String unit, String port, String file) {
        ObjectNode json = rig.payloads
                .viewSubmission(
                        SlackRunForm.CALLBACK, modal.path("private_metadata").asText(), Map.of())
                .json();
        ObjectNode values = json.withObject("/view/state/values");
        values.putObject("param_unit")
                .putObject("value")
                .put("type", "static_select")
                .putObject("selected_option")
                .put("value", unit)
                .putObject("text")
                .put("type", "plain_text")
                .put("text", unit);
        values.putObject("param_port")
                .putObject("value")
                .put("type", "number_input")
                .put("value", port);
        values.putObject("param_file")
                .putObject("value")
                .put("type", "plain_text_input")
                .put("value", file);
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }

    @Test
    void theFormOffersTheChoicesAsASelectTheNumberWithItsRangeAndTextWithWhatItAccepts() throws Exception {
        start();

        JsonNode modal = openForm();

        JsonNode blocks = modal.path("blocks");
        assertThat(blocks.size()).isEqualTo(4).isLessThanOrEqualTo(100);
        assertThat(modal.path("title").path("text").asText()).hasSizeLessThanOrEqualTo(24);
        JsonNode select = blocks.get(1).path("element");
        assertThat(blocks.get(1).path("block_id").asText()).isEqualTo("param_unit");
        assertThat(select.path("type").asText()).isEqualTo("static_select");
        assertThat(select.path("options").findValuesAsText("value")).containsExactly("nginx", "postgres", LONG_CHOICE);
        assertThat(select.path("options").get(2).path("text").path("text").asText())
                .hasSize(75)
                .startsWith("unit-xxx");
        JsonNode number = blocks.get(2).path("element");
        assertThat(number.path("type").asText()).isEqualTo("number_input");
        assertThat(number.path("is_decimal_allowed").asBoolean(true)).isFalse();
        assertThat(number.path("min_value").asText()).isEqualTo("1");
        assertThat(number.path("max_value").asText()).isEqualTo("65535");
        JsonNode text = blocks.get(3);
        assertThat(text.path("element").path("type").asText()).isEqualTo("plain_text_input");
        assertThat(text.path("element").path("max_length").asInt()).isEqualTo(256);
        assertThat(text.path("hint").path("text").asText()).isEqualTo("file: path inside logs (/var/log)");
    }

    @Test
    void aValueTheAllowlistRefusesIsNamedUnderItsFieldAndNothingRuns() throws Exception {
        start();
        String reason = "port: must be an integer from 1 to 65535, got \"0\"";
        rig.engine.refusingParams(Map.of("port", reason));
        JsonNode modal = openForm();

        String ack = rig.postForBody(submission(modal, "nginx", "0", "/var/log/syslog"));

        JsonNode answer = JSON.readTree(ack);
        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.path("errors").properties()).hasSize(1);
        assertThat(answer.path("errors").path("param_port").asText()).isEqualTo(reason);
        rig.engine
                .received()
                .assertNoneWithin(r -> r.request() instanceof BotRequest.RunDiagnostic, Duration.ofMillis(500));
        assertThat(rig.slack.callsTo("chat.postEphemeral")).isEmpty();
    }

    @Test
    void aFormRunGoesToTheAskerWithAShareButtonThatPostsTheOutputToTheChannelForEveryone() throws Exception {
        start();
        JsonNode modal = openForm();

        String ack = rig.postForBody(submission(modal, "postgres", "5432", " /var/log/syslog "));

        assertThat(ack).doesNotContain("errors");
        FakeEngine.Received run =
                rig.engine.received().await(r -> r.request() instanceof BotRequest.RunDiagnostic, WAIT);
        assertThat(run.request())
                .isEqualTo(BotRequest.RunDiagnostic.onDefaultAgent(
                        "unit-status", Map.of("unit", "postgres", "port", "5432", "file", "/var/log/syslog")));
        RecordedRequest privately = rig.slack.awaitCall("chat.postEphemeral", WAIT);
        JsonNode blocks = privately.paramJson("blocks");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo(
                        "*unit-status* port=`5432` unit=`postgres` on `local`: exit 0 in 12 ms (output cut at the cap)");
        JsonNode share = blocks.get(blocks.size() - 1).path("elements").get(0);
        assertThat(share.path("action_id").asText()).isEqualTo(SlackRunShare.SHARE);
        assertThat(share.path("text").path("text").asText()).isEqualTo("Share in channel");
        assertThat(share.path("value").asText()).hasSizeLessThanOrEqualTo(SlackButtonValue.MAX_VALUE);

        rig.post(ephemeralClick(rig.payloads.blockActions(
                SlackRunShare.SHARE, share.path("value").asText())));

        RecordedRequest shared = rig.slack.awaitCall("chat.postMessage", WAIT);
        assertThat(shared.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        assertThat(shared.param("thread_ts")).isEmpty();
        JsonNode posted = shared.paramJson("blocks");
        assertThat(posted.get(0)).isEqualTo(blocks.get(0));
        assertThat(posted.get(1).path("elements").get(0).path("text").asText()).isEqualTo("Shared by <@U0ALICE>");
        assertThat(posted.get(2).path("text").path("text").asText()).contains("Active: active (running)");
        assertThat(posted.findValuesAsText("type")).doesNotContain("actions", "button");
        assertThat(rig.engine.received().matching(r -> r.request() instanceof BotRequest.RunDiagnostic))
                .as("sharing does not run the check again")
                .hasSize(1);
    }

    @Test
    void aRunTypedAsASlashCommandAnswersTheAskerAloneWithTheShareButton() throws Exception {
        start();
        SlackPayload typed = rig.payloads.slashCommand("/runbook", "run unit-status unit=postgres port=5432");

        rig.post(typed);

        JsonNode answer = rig.slack.awaitResponse(typed.responseId(), WAIT).json();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        JsonNode blocks = answer.path("blocks");
        assertThat(blocks.get(blocks.size() - 1)
                        .path("elements")
                        .get(0)
                        .path("action_id")
                        .asText())
                .isEqualTo(SlackRunShare.SHARE);
    }

    @Test
    void aRunFromAPublicAnswerGoesInItsThreadAndItsShareButtonPostsToTheChannelItself() throws Exception {
        start();
        SlackPayload run = rig.payloads.blockActions(
                SlackButtonValue.RUN + "0", SlackButtonValue.run("local", "unit-status", Map.of("unit", "postgres")));

        rig.post(run);

        RecordedRequest inThread = rig.slack.awaitCall("chat.postMessage", WAIT);
        String answerTs = run.json().path("message").path("ts").asText();
        assertThat(inThread.param("thread_ts")).contains(answerTs);
        JsonNode blocks = inThread.paramJson("blocks");
        JsonNode share = blocks.get(blocks.size() - 1).path("elements").get(0);
        assertThat(share.path("action_id").asText()).isEqualTo(SlackRunShare.SHARE);

        rig.post(rig.payloads.blockActions(
                SlackRunShare.SHARE, share.path("value").asText()));

        RecordedRequest shared = rig.slack.awaitCall(
                "chat.postMessage", r -> r.param("thread_ts").isEmpty(), WAIT);
        assertThat(shared.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        assertThat(shared.paramJson("blocks")
                        .get(1)
                        .path("elements")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Shared by <@U0ALICE>");
    }

    /** A click on an ephemeral message: Slack says so in the container and may leave the message out. */
    private static SlackPayload ephemeralClick(SlackPayload click) {
        ObjectNode json = click.json();
        json.withObject("/container").put("is_ephemeral", true);
        json.remove("message");
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }
}
