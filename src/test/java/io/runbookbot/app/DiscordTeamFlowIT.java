package io.runbookbot.app;

import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.DiscordLimits;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an incident team does in Discord, end to end through {@code runbook-bot serve} as a real
 * process against {@link FakeDiscord}'s gateway and REST API, diagnostics run by a real agent
 * process: ask privately and share, vote, restart the bot and click the buttons of its earlier
 * messages, run a check, triage in the incident channel (matched by name) that does not repeat
 * itself, a refusal that names what to add. Every message the bot sent and the commands it
 * registered are checked against Discord's limits ({@link DiscordLimits}) after each test. One bot
 * process (restarted once) and one agent for the class.
 */
class DiscordTeamFlowIT {
    private static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ONCALL = "2100000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Discord's message flag for "only the user who clicked or asked sees it". */
    private static final int EPHEMERAL = 64;

    private static final String CHANNEL_MESSAGES = "channels/" + DiscordEvents.CHANNEL_ID + "/messages";

    @TempDir
    static Path data;

    private static FakeDiscord discord;
    private static AgentProcess agent;
    private static ServedBot bot;

    @BeforeAll
    static void start() throws Exception {
        agent = ServedBot.agent(data);
        discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
        bot = ServedBot.start(data, env());
    }

    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>(ServedBot.diagnosticsEnv(data, agent));
        env.putAll(Map.of(
                "DISCORD_BOT_TOKEN",
                TOKEN,
                "RUNBOOK_BOT_DISCORD_REST_URL",
                discord.restBaseUrl(),
                "RUNBOOK_BOT_DISCORD_GATEWAY_URL",
                discord.gatewayUrl().toString(),
                "RUNBOOK_BOT_INCIDENT_CHANNELS",
                "incid*"));
        return env;
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (discord != null) {
            discord.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void everythingTheBotSentIsWithinDiscordsLimits() {
        assertThat(discord.calls().all()).isNotEmpty();
        DiscordLimits.assertWithinLimits(discord);
    }

    @Test
    void aSlashAnswerIsTheAskersAloneUntilTheyShareItAndTheSharedAnswerNamesWhoShared() {
        GatewayEvent command = discord.pushSlashCommand(SlackTeamFlowIT.TOO_MANY);

        assertThat(discord.awaitCallback(command, WAIT)
                                .json()
                                .path("data")
                                .path("flags")
                                .asInt()
                        & EPHEMERAL)
                .isEqualTo(EPHEMERAL);
        RecordedRequest answer = discord.awaitFollowUp(command, WAIT);
        assertThat(answer.json().path("embeds").path(0).path("title").asText()).endsWith("› Too Many Connections");
        int shares = shares();

        GatewayEvent share = discord.pushButton(buttonId(answer, "Share in channel"));

        RecordedRequest shared = discord.calls()
                .awaitCount(DiscordTeamFlowIT::isShare, shares + 1, WAIT)
                .get(shares);
        assertThat(shared.json().path("content").asText()).isEqualTo("Shared by <@" + Author.ALICE.id() + ">");
        assertThat(shared.json().path("embeds").path(0).path("title").asText()).endsWith("› Too Many Connections");
        assertThat(shared.json().toString()).doesNotContain("Share in channel");
        assertThat(discord.awaitFollowUp(share, WAIT).json().path("flags").asInt() & EPHEMERAL)
                .isEqualTo(EPHEMERAL);
    }

    @Test
    void votesAreCountedOnTheSharedAnswerOnePerPersonAndItsButtonsWorkAfterARestart() throws Exception {
        GatewayEvent command = discord.pushSlashCommand(SlackTeamFlowIT.TOO_MANY);
        RecordedRequest answer = discord.awaitFollowUp(command, WAIT);
        int shares = shares();
        discord.pushButton(buttonId(answer, "Share in channel"));
        RecordedRequest shared = discord.calls()
                .awaitCount(DiscordTeamFlowIT::isShare, shares + 1, WAIT)
                .get(shares);

        String helpful = buttonId(shared, "Helpful");
        String notHelpful = buttonId(shared, "Not helpful");

        JsonNode voted = click(helpful, shared.json());
        assertThat(votes(voted)).contains("Helpful (1): <@" + Author.ALICE.id() + ">");
        JsonNode changed = click(notHelpful, voted);
        assertThat(votes(changed)).contains("Helpful (0)").contains("Not helpful (1): <@" + Author.ALICE.id() + ">");

        bot.restart(data, env());

        assertThat(votes(click(helpful, changed)))
                .contains("Helpful (1): <@" + Author.ALICE.id() + ">")
                .contains("Not helpful (0)");
        GatewayEvent next =
                discord.dispatch(discord.events().button(buttonId(shared, "Next match"), (ObjectNode) changed));
        JsonNode nextAnswer = discord.awaitFollowUp(next, WAIT).json();
        assertThat(nextAnswer.path("embeds").path(0).path("title").asText()).endsWith("› Port Already in Use");
        assertThat(nextAnswer.path("flags").asInt() & EPHEMERAL)
                .as("the clicker's alone")
                .isEqualTo(EPHEMERAL);
        int sharesBefore = shares();
        discord.dispatch(discord.events().button(buttonId(answer, "Share in channel"), (ObjectNode) answer.json()));
        discord.calls().awaitCount(DiscordTeamFlowIT::isShare, sharesBefore + 1, WAIT);
    }

    @Test
    void anyoneInTheIncidentChannelMayListAndRunTheReadOnlyChecksWhichRunOnTheAgent() throws Exception {
        GatewayEvent list = discord.pushSlashCommand("diagnostics");
        assertThat(discord.awaitFollowUp(list, WAIT).json().path("content").asText())
                .contains("greet")
                .doesNotContain("greet-loudly");
        int agentRuns = ServedBot.lines(data.resolve("agent-audit.jsonl"));

        GatewayEvent run = discord.pushSlashCommand("run greet name=bob");

        assertThat(discord.awaitFollowUp(run, WAIT).json().path("content").asText())
                .startsWith("`greet` on `local`: exit code 0, ")
                .contains("hello bob");
        assertThat(ServedBot.lines(data.resolve("agent-audit.jsonl"))).isGreaterThan(agentRuns);
    }

    @Test
    void theRunButtonOfAPublicAnswerRunsTheCheckOnTheAgentAndNotesWhoRanItOnTheAnswer() {
        RecordedRequest answer = discord.awaitReplyTo(discord.pushMention(SlackTeamFlowIT.PORT_IN_USE), WAIT);
        String run = buttonId(answer, "Run port-owner port=5000");

        GatewayEvent click = discord.dispatch(discord.events().button(run, (ObjectNode) answer.json()));

        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .startsWith("`port-owner` on `local`: exit code 0, ")
                .contains("port 5000");
        RecordedRequest noted = discord.awaitCall(
                r -> r.method().equals("PATCH")
                        && r.json().path("embeds").toString().contains("`port-owner` on local ran by"),
                WAIT);
        assertThat(noted.json().path("embeds").path(0).path("fields").toString())
                .contains("`port-owner` on local ran by <@" + Author.ALICE.id() + ">")
                .contains(": exit 0");
    }

    @Test
    void aRefusedRunNamesTheExactIdsAndRolesToAddToTheAllowlist() {
        GatewayEvent run = discord.pushSlashCommand("run greet-loudly name=bob", ONCALL);

        assertThat(discord.awaitFollowUp(run, WAIT).json().path("content").asText())
                .contains("You are not allowed to run greet-loudly here")
                .contains("`discord:" + Author.ALICE.id() + "` (you) to users")
                .contains("`discord:" + DiscordEvents.CHANNEL_ID + "` (this channel) to channels")
                .contains("one of your roles (`" + ONCALL + "`, `oncall`) to roles");
    }

    @Test
    void inTheIncidentChannelASymptomIsAnsweredOnceThenSaidToBeTheSameRunbook() {
        GatewayEvent chatter = say("rolling back the deploy now, brb");
        GatewayEvent symptom = say("disk full: No space left on device on db-2");
        String title = discord.awaitReplyTo(symptom, WAIT)
                .json()
                .path("embeds")
                .path(0)
                .path("title")
                .asText();
        assertThat(title).isNotEmpty();

        GatewayEvent again = say("No space left on device again, now on db-3");

        assertThat(discord.awaitReplyTo(again, WAIT).json().path("content").asText())
                .startsWith("Same runbook as above: " + title);
        assertThat(discord.calls().matching(r -> r.is("POST", CHANNEL_MESSAGES) && repliesTo(r, chatter)))
                .isEmpty();
    }

    private static GatewayEvent say(String text) {
        return discord.dispatch(discord.events().message(Author.ALICE, text, false));
    }

    private static boolean repliesTo(RecordedRequest r, GatewayEvent message) {
        return r.json().path("message_reference").path("message_id").asText().equals(message.id());
    }

    private static boolean isShare(RecordedRequest r) {
        return r.is("POST", CHANNEL_MESSAGES)
                && r.json().path("content").asText().startsWith("Shared by <@");
    }

    private static int shares() {
        return discord.calls().matching(DiscordTeamFlowIT::isShare).size();
    }

    /**
     * Clicks a vote button on the shared answer as it stands ({@code message}, as the bot sent or last
     * edited it: Discord sends the message's current state with the click) and returns it as the
     * bot's edit left it.
     */
    private static JsonNode click(String customId, JsonNode message) {
        Predicate<RecordedRequest> edit =
                r -> r.method().equals("PATCH") && r.route().startsWith(CHANNEL_MESSAGES);
        int edits = discord.calls().matching(edit).size();
        discord.dispatch(discord.events().button(customId, (ObjectNode) message));
        RecordedRequest edited =
                discord.calls().awaitCount(edit, edits + 1, WAIT).get(edits);
        ObjectNode now = message.deepCopy();
        now.set("embeds", edited.json().path("embeds"));
        return now;
    }

    /** The Votes field of an answer's embed. */
    private static String votes(JsonNode message) {
        for (JsonNode field : message.path("embeds").path(0).path("fields")) {
            if (field.path("name").asText().equals("Votes")) {
                return field.path("value").asText();
            }
        }
        throw new AssertionError("no Votes field in " + message);
    }
}
