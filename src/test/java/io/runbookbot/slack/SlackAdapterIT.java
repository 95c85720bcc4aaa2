package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeEngine;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The Slack adapter alone: real Bolt over HTTP against a fake Slack, with a {@link FakeEngine}
 * (canned replies, no index) behind it. What the adapter sends the engine, how it renders and
 * delivers the reply, and that its buttons carry the right request back.
 */
class SlackAdapterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AutoClose
    private final SlackAdapterRig rig = new SlackAdapterRig();

    private final FakeSlack slack = rig.slack;
    private final SlackPayloads payloads = rig.payloads;
    private final FakeEngine engine = rig.engine;

    private void start(List<String> incidentChannels) {
        rig.start(incidentChannels);
    }

    private void post(SlackPayload payload) throws Exception {
        rig.post(payload);
    }

    @Test
    void slashCommandSendsTheQuestionAsTheUserAndRendersTheSectionAnswerPrivately() throws Exception {
        engine.answering(FakeEngine.sectionAnswer("port already in use"));
        start(List.of());
        SlackPayload command = payloads.slashCommand("/runbook", "port already in use");

        post(command);

        FakeEngine.Received received = engine.awaitRequest(WAIT);
        assertThat(received.request()).isEqualTo(new BotRequest.Ask("port already in use"));
        assertThat(received.caller().qualifiedUserId()).isEqualTo("slack:" + SlackPayloads.USER_ID);
        JsonNode answer = slack.awaitResponse(command.responseId(), WAIT).json();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Ports › Port already in use");
        assertThat(answer.toString()).contains("lsof -i :8000").contains("ops/disk.md");
    }

    @Test
    void diagnosticsListsWhatTheEngineSaysMayRunWithMarkupEscaped() throws Exception {
        engine.answering(new BotReply.DiagnosticList(List.of(new DiagnosticCommand(
                "listening-port",
                "Which process listens on <port>",
                List.of(DiagnosticParam.text("port", "integer 1-65535")),
                true))));
        start(List.of());
        SlackPayload command = payloads.slashCommand("/runbook", "diagnostics");

        post(command);

        assertThat(engine.awaitRequest(WAIT).request()).isEqualTo(new BotRequest.ListDiagnostics());
        assertThat(slack.awaitResponse(command.responseId(), WAIT)
                        .json()
                        .path("text")
                        .asText())
                .startsWith("1 diagnostics you may run here:\n• listening-port: Which process listens on &lt;port&gt;")
                .contains("port: integer 1-65535");
    }

    @Test
    void theRunButtonOfARenderedAnswerSendsTheDiagnosticItShowsToTheAgentItNames() throws Exception {
        engine.answering(FakeEngine.sectionAnswer("port already in use"));
        start(List.of());
        SlackPayload command = payloads.slashCommand("/runbook", "port already in use");
        post(command);
        JsonNode run = buttons(slack.awaitResponse(command.responseId(), WAIT).json()).stream()
                .filter(b -> b.path("action_id").asText().startsWith(SlackButtonValue.RUN))
                .findFirst()
                .orElseThrow();

        post(payloads.blockActions(
                run.path("action_id").asText(), run.path("value").asText()));

        List<FakeEngine.Received> all = engine.received().awaitCount(r -> true, 2, WAIT);
        assertThat(all.get(1).request())
                .isEqualTo(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));
    }

    @Test
    void investigationsStillRunningHoldNoAnswerThreadSoAQuestionIsAnsweredMeanwhile() throws Exception {
        engine.holdingInvestigations(FakeEngine.sectionAnswer("port already in use"));
        start(List.of());
        List<SlackPayload> investigations = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // more than the adapter's 16 answer threads
            SlackPayload command = payloads.slashCommand("/runbook", "investigate disk full " + i);
            investigations.add(command);
            post(command);
        }
        engine.received().awaitCount(r -> true, 20, WAIT);

        post(payloads.appMention("<@U0BOT> port already in use"));

        RecordedRequest answer = slack.awaitCall("chat.postMessage", WAIT);
        assertThat(answer.param("text").orElse("")).contains("Port already in use");
        assertThat(engine.heldCount()).isEqualTo(20);
        engine.releaseHeld(new BotReply.Text("investigated"));
        for (SlackPayload command : investigations) {
            assertThat(slack.awaitResponse(command.responseId(), WAIT)
                            .json()
                            .path("text")
                            .asText())
                    .isEqualTo("investigated");
        }
    }

    @Test
    void aTriagedIncidentChannelMessageIsAnsweredInItsThread() throws Exception {
        engine.triaging(FakeEngine.sectionAnswer("port already in use"));
        start(List.of(SlackPayloads.CHANNEL_ID));
        SlackPayload message = payloads.channelMessage(
                SlackPayloads.CHANNEL_ID, "uvicorn won't start: [Errno 98] Address already in use on port 8000");

        post(message);

        RecordedRequest answer = slack.awaitCall("chat.postMessage", WAIT);
        assertThat(answer.param("thread_ts")).contains(message.eventField("ts"));
        assertThat(answer.param("text").orElse("")).contains("Port already in use");
    }

    private static List<JsonNode> buttons(JsonNode message) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .flatMap(block -> StreamSupport.stream(block.path("elements").spliterator(), false))
                .filter(e -> e.path("type").asText().equals("button"))
                .toList();
    }
}
