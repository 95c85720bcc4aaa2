package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackClicks;
import io.runbookbot.fakes.SlackLimits;
import io.runbookbot.fakes.SlackPayload;
import io.runbookbot.fakes.SlackPayloads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an incident team does in Slack, end to end through {@code runbook-bot serve} as a real
 * process in Socket Mode against {@link FakeSlack}, diagnostics run by a real agent process: ask
 * privately and share, vote, restart the bot and click the buttons of its earlier messages, run a
 * check from the modal, incident-channel triage that does not repeat itself, a refusal that names
 * what to add. Every message and view the bot sent is checked against Slack's limits ({@link
 * SlackLimits}) after each test. One bot process (restarted once) and one agent for the class.
 */
class SlackTeamFlowIT {
    static final String TOO_MANY = "FATAL: sorry, too many clients already";
    static final String PORT_IN_USE = "uvicorn won't start: [Errno 98] Address already in use";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String QUIET_CHANNEL = "C0QUIET";

    @TempDir
    static Path data;

    private static FakeSlack slack;
    private static AgentProcess agent;
    private static ServedBot bot;
    private static SlackPayloads payloads;
    private static SlackClicks clicks;
    private static final AtomicInteger envelopes = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        agent = ServedBot.agent(data);
        slack = FakeSlack.start();
        payloads = slack.payloads();
        clicks = new SlackClicks(payloads);
        bot = ServedBot.start(data, env());
        slack.awaitSocketConnections(1, WAIT);
    }

    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new java.util.HashMap<>(ServedBot.diagnosticsEnv(data, agent));
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test",
                "SLACK_APP_TOKEN",
                "xapp-test",
                "RUNBOOK_BOT_SLACK_API_URL",
                slack.apiUrlPrefix(),
                "RUNBOOK_BOT_INCIDENT_CHANNELS",
                SlackPayloads.CHANNEL_ID));
        return env;
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void everythingTheBotSentIsWithinSlacksLimits() {
        assertThat(slack.calls().all()).isNotEmpty();
        SlackLimits.assertWithinLimits(slack);
    }

    @Test
    void aSlashAnswerReplacesTheAckAndItsShareButtonPostsItToTheChannelSharedByTheClicker() {
        SlackPayload command = payloads.slashCommand("/runbook", TOO_MANY);
        String envelope = push(command);

        assertThat(slack.awaitAck(envelope, WAIT).path("payload").path("text").asText())
                .isEqualTo("Looking it up…");
        JsonNode answer = slack.awaitResponse(command.responseId(), WAIT).json();
        assertThat(answer.path("replace_original").asBoolean()).isTrue();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
                .endsWith("› Too Many Connections");

        int shares = shares();
        push(clicks.onPrivate(answer.path("blocks"), "runbook_share"));

        RecordedRequest shared = slack.calls()
                .awaitCount(SlackTeamFlowIT::isShare, shares + 1, WAIT)
                .get(shares);
        assertThat(shared.param("channel")).contains(SlackPayloads.CHANNEL_ID);
        assertThat(shared.param("thread_ts")).isEmpty();
        assertThat(shared.paramJson("blocks").get(0).path("text").path("text").asText())
                .endsWith("› Too Many Connections");
        assertThat(shared.paramJson("blocks").get(1).toString()).contains("Shared by <@" + SlackPayloads.USER_ID + ">");
        assertThat(SlackClicks.button(shared.paramJson("blocks"), "runbook_share"::equals))
                .isEmpty();
    }

    @Test
    void votesAreCountedOnTheMessageOnePerPersonAndTheButtonsOfEarlierMessagesWorkAfterARestart() throws Exception {
        SlackPayload command = payloads.slashCommand("/runbook", TOO_MANY);
        push(command);
        JsonNode privateAnswer =
                slack.awaitResponse(command.responseId(), WAIT).json().path("blocks");
        int shares = shares();
        push(clicks.onPrivate(privateAnswer, "runbook_share"));
        JsonNode shared = slack.calls()
                .awaitCount(SlackTeamFlowIT::isShare, shares + 1, WAIT)
                .get(shares)
                .paramJson("blocks");

        push(clicks.onPublic(shared, "runbook_helpful", "1700000100.000001"));
        JsonNode helpful = awaitUpdate(1).paramJson("blocks");
        push(clicks.onPublic(helpful, "runbook_not_helpful", "1700000100.000001"));
        JsonNode changed = awaitUpdate(2).paramJson("blocks");
        assertThat(helpful.toString()).contains("Helpful (1): <@" + SlackPayloads.USER_ID + ">");
        assertThat(changed.toString())
                .contains("Helpful (0)")
                .contains("Not helpful (1): <@" + SlackPayloads.USER_ID + ">");

        int connections = slack.socketConnections();
        bot.restart(data, env());
        slack.awaitSocketConnections(connections + 1, WAIT);

        push(clicks.onPublic(changed, "runbook_helpful", "1700000100.000001"));
        assertThat(awaitUpdate(3).paramJson("blocks").toString())
                .contains("Helpful (1): <@" + SlackPayloads.USER_ID + ">")
                .contains("Not helpful (0)");
        push(clicks.onPublic(changed, "runbook_next", "1700000100.000001"));
        RecordedRequest next = awaitPost(p -> p.param("thread_ts").equals(Optional.of("1700000100.000001")));
        assertThat(next.paramJson("blocks").get(0).path("text").path("text").asText())
                .endsWith("› Port Already in Use");
        int sharesBefore = shares();
        push(clicks.onPrivate(privateAnswer, "runbook_share"));
        slack.calls().awaitCount(SlackTeamFlowIT::isShare, sharesBefore + 1, WAIT);
    }

    @Test
    void theRunButtonOfTheDiagnosticsListOpensAModalWhoseSubmissionRunsTheCheckOnTheAgent() throws Exception {
        SlackPayload list = payloads.slashCommand("/runbook", "diagnostics");
        push(list);
        JsonNode blocks = slack.awaitResponse(list.responseId(), WAIT).json().path("blocks");
        JsonNode greet = null;
        for (JsonNode block : blocks) {
            if (block.path("text").path("text").asText().startsWith("*greet*")) {
                greet = block.path("accessory");
            }
        }
        assertThat(greet).as(blocks.toString()).isNotNull();
        assertThat(greet.path("text").path("text").asText()).isEqualTo("Run…");
        int agentRuns = ServedBot.lines(data.resolve("agent-audit.jsonl"));

        push(clicks.onPublic(blocks, "runbook_form", "1700000100.000900"));
        JsonNode modal = slack.awaitCall("views.open", WAIT).paramJson("view");
        assertThat(modal.path("blocks").get(1).path("block_id").asText()).isEqualTo("param_name");
        push(payloads.viewSubmission(
                modal.path("callback_id").asText(),
                modal.path("private_metadata").asText(),
                Map.of("param_name", "bob")));

        RecordedRequest output = slack.awaitCall("chat.postEphemeral", WAIT);
        assertThat(output.param("user")).contains(SlackPayloads.USER_ID);
        JsonNode shown = output.paramJson("blocks");
        assertThat(shown.get(0).path("text").path("text").asText())
                .startsWith("*greet* name=`bob` on `local`: exit 0 in ");
        assertThat(shown.get(1).path("text").path("text").asText()).isEqualTo("```\nhello bob\n```");
        assertThat(ServedBot.lines(data.resolve("agent-audit.jsonl"))).isGreaterThan(agentRuns);
    }

    @Test
    void theRunButtonOfAPublicAnswerRunsTheCheckOnTheAgentAndNotesWhoRanItOnTheAnswer() {
        SlackPayload mention = payloads.appMention("<@" + SlackPayloads.BOT_USER_ID + "> " + PORT_IN_USE);
        push(mention);
        JsonNode answer = awaitPost(p -> p.param("thread_ts").equals(Optional.of(mention.eventField("ts"))))
                .paramJson("blocks");
        JsonNode run =
                SlackClicks.button(answer, id -> id.startsWith("runbook_run_")).orElseThrow();
        assertThat(run.path("text").path("text").asText()).isEqualTo("Run port-owner");
        int updates = slack.callsTo("chat.update").size();

        push(clicks.onPublic(answer, run.path("action_id").asText(), "1700000100.000777"));

        RecordedRequest output = awaitPost(p -> p.param("thread_ts").equals(Optional.of("1700000100.000777")));
        assertThat(output.paramJson("blocks").get(0).path("text").path("text").asText())
                .startsWith("*port-owner* port=`5000` on `local`: exit 0 in ");
        assertThat(output.paramJson("blocks").get(1).path("text").path("text").asText())
                .isEqualTo("```\nport 5000\n```");
        assertThat(awaitUpdate(updates + 1).paramJson("blocks").toString())
                .contains("`port-owner` on local ran by <@" + SlackPayloads.USER_ID + "> at ")
                .contains(": exit 0");
    }

    @Test
    void inAnIncidentChannelASymptomIsAnsweredInItsThreadOnceThenSaidToBeTheSameRunbook() {
        SlackPayload first =
                payloads.channelMessage(SlackPayloads.CHANNEL_ID, "disk full: No space left on device on db-2");
        push(first);
        RecordedRequest answer = awaitPost(p -> p.param("thread_ts").equals(Optional.of(first.eventField("ts"))));
        String section =
                answer.paramJson("blocks").get(0).path("text").path("text").asText();
        assertThat(section).isNotEmpty();

        SlackPayload again =
                payloads.channelMessage(SlackPayloads.CHANNEL_ID, "No space left on device again, now on db-3");
        push(again);

        RecordedRequest repeat = awaitPost(p -> p.param("thread_ts").equals(Optional.of(again.eventField("ts"))));
        assertThat(repeat.param("text").orElse(""))
                .startsWith("Same runbook as above: ")
                .contains(section.replace("&", "&amp;")); // Slack's mrkdwn escape
    }

    @Test
    void aRefusedRunNamesTheExactIdsToAddToTheAllowlist() {
        SlackPayload run =
                payloads.slashCommand("/runbook", "run greet name=bob").with("channel_id", QUIET_CHANNEL);
        push(run);

        assertThat(slack.awaitResponse(run.responseId(), WAIT).json().toString())
                .contains("You are not allowed to run greet here")
                .contains("`slack:" + SlackPayloads.USER_ID + "` (you) to users")
                .contains("`slack:" + QUIET_CHANNEL + "` (this channel) to channels");
    }

    @Test
    void theMessageShortcutFindsTheRunbookForSomeoneElsesPastedLog() {
        SlackPayload shortcut = payloads.messageShortcut("runbook_find", "psql: error: " + TOO_MANY);
        push(shortcut);

        JsonNode answer = slack.awaitResponse(shortcut.responseId(), WAIT).json();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").get(0).path("text").path("text").asText())
                .endsWith("› Too Many Connections");
    }

    private static String push(SlackPayload payload) {
        String envelope = "env-" + envelopes.incrementAndGet();
        slack.push(payload, envelope);
        return envelope;
    }

    private static boolean isShare(RecordedRequest r) {
        return r.route().equals("chat.postMessage")
                && r.paramJson("blocks").toString().contains("Shared by");
    }

    private static int shares() {
        return slack.calls().matching(SlackTeamFlowIT::isShare).size();
    }

    private static RecordedRequest awaitPost(java.util.function.Predicate<RecordedRequest> matching) {
        return slack.awaitCall("chat.postMessage", matching, WAIT);
    }

    private static RecordedRequest awaitUpdate(int count) {
        List<RecordedRequest> updates = slack.calls().awaitCount(r -> r.route().equals("chat.update"), count, WAIT);
        return updates.get(count - 1);
    }
}
