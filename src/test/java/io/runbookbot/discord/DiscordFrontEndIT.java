package io.runbookbot.discord;

import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static io.runbookbot.fakes.DiscordEvents.BOT_ID;
import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.TestRunbooks;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord front end end to end: real JDA against {@link FakeDiscord}, real Lucene over
 * {@code runbooks/}, diagnostics through a real agent process. One login for the class.
 */
class DiscordFrontEndIT {
    private static final String SECRET = "s3cret-for-tests-only-0123456789abcdef";
    private static final String ONCALL = "2100000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOO_MANY = "FATAL: sorry, too many clients already";
    private static final String PORT_IN_USE = "uvicorn won't start: [Errno 98] Address already in use";

    @TempDir
    static Path dir;

    private static final List<BotRequest.Feedback> votes = new CopyOnWriteArrayList<>();
    private static IndexedRunbooks runbooks;
    private static AgentProcess agent;
    private static AuditLog audit;
    private static FakeDiscord discord;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                access: {roles: ["%s"]}
                roots:
                  work: [%s]
                commands:
                  - id: touch-marker
                    description: Creates a file (changes something)
                    argv: [/usr/bin/touch, "{file}"]
                    params:
                      file: {type: path, root: work}
                    read_only: false
                  - id: listening-port
                    description: Which process listens on a TCP port
                    argv: [ss, -ltnp, "sport = :{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                    recognizes: ["netstat -ano | findstr :{port}", "lsof -t -i:{port}"]
                """.formatted(ONCALL, dir.resolve("work")));
        agent = AgentProcess.start(dir, allowlist, dir.resolve("agent-audit.jsonl"), SECRET);
        Path registry = dir.resolve("agents.yaml");
        Files.writeString(
                registry, "agents:\n  - {name: local, url: \"%s\", secret_env: AGENT_SECRET}\n".formatted(agent.url()));
        AgentGateway gateway = new AgentGateway(
                AgentRegistry.load(registry),
                name -> name.equals("AGENT_SECRET") ? Optional.of(SECRET) : Optional.empty());
        audit = AuditLog.open(dir.resolve("bot-audit.jsonl"));
        DiagnosticsService diagnostics = DiagnosticsService.builder(Allowlist.load(allowlist))
                .agents(gateway)
                .audit(audit)
                .build();
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        BotEngine engine = BotEngine.builder(() -> runbooks)
                .diagnostics(Optional.of(diagnostics))
                .feedback((caller, vote) -> votes.add(vote))
                .build();
        discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
        frontEnd = DiscordFrontEnd.start(
                new DiscordSettings(
                        DiscordSettingsTest.TOKEN,
                        Optional.of(discord.restBaseUrl()),
                        Optional.of(discord.gatewayUrl().toString())),
                engine);
    }

    @AfterAll
    static void stop() throws IOException {
        if (frontEnd != null) {
            frontEnd.close();
        }
        if (discord != null) {
            discord.close();
        }
        if (agent != null) {
            agent.close();
        }
        if (audit != null) {
            audit.close();
        }
        if (runbooks != null) {
            runbooks.close();
        }
    }

    @Test
    void registersTheRunbookSlashCommandAtStart() {
        RecordedRequest put = discord.awaitCall("PUT", "applications/" + APPLICATION_ID + "/commands", WAIT);

        assertThat(put.json().path(0).path("name").asText()).isEqualTo("runbook");
        assertThat(put.json().path(0).path("options").path(0).path("name").asText())
                .isEqualTo("question");
        assertThat(put.header("Authorization")).contains("Bot " + DiscordSettingsTest.TOKEN);
    }

    @Test
    void answersAMentionWithAReplyHoldingTheRightSection() {
        GatewayEvent mention = discord.pushMention(TOO_MANY, ONCALL);

        JsonNode reply = replyTo(mention).json();
        assertThat(reply.path("embeds").path(0).path("title").asText())
                .isEqualTo("Troubleshooting Guide › Database Connection Issues › Common Causes & Solutions"
                        + " › Too Many Connections");
        assertThat(reply.path("embeds").path(0).path("description").asText()).contains(TOO_MANY);
        assertThat(reply.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void ignoresMessagesFromOtherBotsAndFromItself() {
        GatewayEvent fromBot =
                discord.dispatch(discord.events().message(Author.OTHER_BOT, "<@" + BOT_ID + "> " + TOO_MANY, true));
        GatewayEvent fromSelf =
                discord.dispatch(discord.events().message(Author.SELF, "<@" + BOT_ID + "> " + TOO_MANY, true));

        replyTo(discord.pushMention(TOO_MANY, ONCALL)); // instead of a fixed quiet period: a later mention is answered
        assertThat(discord.calls()
                        .matching(r -> r.route().startsWith("channels/")
                                && List.of(fromBot.id(), fromSelf.id())
                                        .contains(r.json()
                                                .path("message_reference")
                                                .path("message_id")
                                                .asText())))
                .isEmpty();
    }

    @Test
    void defersTheSlashCommandThenAnswersThroughTheFollowUp() {
        GatewayEvent command = discord.pushSlashCommand(TOO_MANY, ONCALL);

        assertThat(discord.awaitCallback(command, WAIT).json().path("type").asInt())
                .isEqualTo(5);
        RecordedRequest followUp = discord.awaitFollowUp(command, WAIT);
        assertThat(followUp.route()).isEqualTo("webhooks/" + APPLICATION_ID + "/" + command.token());
        assertThat(followUp.json().path("embeds").path(0).path("title").asText())
                .endsWith("› Too Many Connections");
    }

    @Test
    void saysNoRunbookMatchesForAQuestionNoRunbookAnswers() {
        GatewayEvent command = discord.pushSlashCommand("ClickHouse too many parts, merges slower than inserts");

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .startsWith("No runbook matches \"ClickHouse too many parts, merges slower than inserts\".")
                .contains("Closest sections (low confidence):");
    }

    @Test
    void answersAMentionWrittenWithMarkupLikeThePlainTextWithTheSameConfidence() {
        JsonNode plain = replyTo(discord.pushMention(TOO_MANY, ONCALL))
                .json()
                .path("embeds")
                .path(0);
        GatewayEvent mention = discord.pushMention(
                "<@&" + ONCALL + "> <:fire:123456789012345678> ||FATAL||: `sorry, too many`"
                        + " **clients** _already_ <#3000000000000000003> <t:1700000000:R>",
                ONCALL);

        JsonNode embed = replyTo(mention).json().path("embeds").path(0);
        assertThat(embed.path("title").asText())
                .isEqualTo(plain.path("title").asText())
                .endsWith("› Too Many Connections");
        assertThat(embed.path("footer").path("text").asText())
                .isEqualTo(plain.path("footer").path("text").asText());
    }

    @Test
    void echoesTheSlashCommandQuestionAsWrittenWithoutMarkup() {
        GatewayEvent command = discord.pushSlashCommand("<@" + BOT_ID
                + "> **ClickHouse** too many parts & merges <slower> than inserts <a:alarm:223456789012345678>");

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .startsWith("No runbook matches \"ClickHouse too many parts & merges <slower> than inserts\".");
    }

    @Test
    void answersHelpAsASubFormOfTheSlashCommand() {
        GatewayEvent command = discord.pushSlashCommand("help");

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .startsWith("Ask me what you see");
    }

    @Test
    void runsTheSuggestedDiagnosticThroughTheAgentWhenItsButtonIsClicked() throws IOException {
        String run = buttonId(replyTo(discord.pushMention(PORT_IN_USE, ONCALL)), "Run listening-port port=5000");
        int agentLines = lines("agent-audit.jsonl").size();

        GatewayEvent click = discord.pushButton(run, ONCALL);

        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(5);
        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .startsWith("`listening-port` on `local`: exit code 0, ")
                .contains("```\nState");
        assertThat(lines("agent-audit.jsonl")).hasSize(agentLines + 2);
    }

    @Test
    void deniesAMemberWithoutTheRoleAndRunsNothing() throws IOException {
        String run = buttonId(replyTo(discord.pushMention(PORT_IN_USE, ONCALL)), "Run listening-port port=5000");
        int agentLines = lines("agent-audit.jsonl").size();

        GatewayEvent click = discord.pushButton(run);

        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .contains("not allowed to run listening-port");
        List<JsonNode> botAudit = lines("bot-audit.jsonl");
        assertThat(botAudit.get(botAudit.size() - 1).path("decision").asText()).isEqualTo("denied");
        assertThat(botAudit.get(botAudit.size() - 1).path("who").asText()).isEqualTo("discord:" + Author.ALICE.id());
        assertThat(lines("agent-audit.jsonl")).hasSize(agentLines);
    }

    @Test
    void runsAChangingDiagnosticOnlyAfterTheConfirmButton() {
        Path marker = dir.resolve("work/marker");
        GatewayEvent command = discord.pushSlashCommand("run touch-marker file=" + marker, ONCALL);
        RecordedRequest asked = discord.awaitFollowUp(command, WAIT);
        assertThat(asked.json().path("content").asText()).contains("confirm within 5 minutes");
        assertThat(marker).doesNotExist();

        GatewayEvent click = discord.pushButton(buttonId(asked, "Confirm"), ONCALL);

        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .startsWith("`touch-marker` on `local`: exit code 0, ");
        assertThat(marker).exists();
    }

    @Test
    void showsTheSecondCandidateForNextMatch() {
        String next = buttonId(replyTo(discord.pushMention(TOO_MANY, ONCALL)), "Next match");

        GatewayEvent click = discord.pushButton(next, ONCALL);

        JsonNode embed =
                discord.awaitFollowUp(click, WAIT).json().path("embeds").path(0);
        assertThat(embed.path("title").asText())
                .isEqualTo(
                        "Troubleshooting Guide › Application Won't Start › Common Causes & Solutions › Port Already in Use");
        assertThat(embed.path("footer").path("text").asText()).contains("match 2 of ");
    }

    @Test
    void recordsHelpfulFeedback() {
        String helpful = buttonId(replyTo(discord.pushMention(TOO_MANY, ONCALL)), "Helpful");

        GatewayEvent click = discord.pushButton(helpful, ONCALL);

        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .isEqualTo("Thanks, noted.");
        assertThat(votes).contains(new BotRequest.Feedback(TOO_MANY, "troubleshooting-guide.md:131", true));
    }

    @Test
    void answersAnExpiredButtonAtOnceWithoutRunningAnything() {
        GatewayEvent click = discord.pushButton("ref:forgotten123");

        JsonNode callback = discord.awaitCallback(click, WAIT).json();
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("This button has expired; ask me again.");
    }

    @Test
    void failsClearlyWhenTheGatewayNeverGetsReady() {
        DiscordSettings deadGateway = new DiscordSettings(
                DiscordSettingsTest.TOKEN, Optional.of(discord.restBaseUrl()), Optional.of("ws://127.0.0.1:9/"));
        BotEngine engine = BotEngine.builder(() -> runbooks).build();

        assertThatThrownBy(() -> DiscordFrontEnd.start(deadGateway, engine, Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Discord session not ready within 500 ms");
    }

    private static RecordedRequest replyTo(GatewayEvent mention) {
        return discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.json()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(mention.id()),
                WAIT);
    }

    private static String buttonId(RecordedRequest message, String label) {
        List<String> seen = new ArrayList<>();
        for (JsonNode row : message.json().path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
                seen.add(button.path("label").asText());
            }
        }
        throw new AssertionError("no button \"" + label + "\"; buttons: " + seen);
    }

    private static List<JsonNode> lines(String file) throws IOException {
        Path path = dir.resolve(file);
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(path)) {
            for (String line : Files.readAllLines(path)) {
                out.add(new ObjectMapper().readTree(line));
            }
        }
        return out;
    }
}
