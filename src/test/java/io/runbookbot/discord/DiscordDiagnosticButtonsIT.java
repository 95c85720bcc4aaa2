package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.discord.DiscordHarness.PORT_IN_USE;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.diagnostics.AgentGateway;
import io.runbookbot.diagnostics.AgentRegistry;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostic buttons end to end: real JDA and {@link FakeDiscord}, the real engine, and diagnostics
 * run by a real agent process under the member's roles; one login and one agent for the class.
 */
class DiscordDiagnosticButtonsIT {
    private static final String SECRET = "s3cret-for-tests-only-0123456789abcdef";

    @TempDir
    static Path dir;

    @AutoClose
    private static AgentProcess agent;

    @AutoClose
    private static AuditLog audit;

    @AutoClose
    private static DiscordHarness h;

    private static FakeDiscord discord;

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
        h = DiscordHarness.start(diagnostics);
        discord = h.discord;
    }

    @Test
    void runsTheSuggestedDiagnosticThroughTheAgentWhenItsButtonIsClicked() throws IOException {
        String run = buttonId(h.replyTo(discord.pushMention(PORT_IN_USE, ONCALL)), "Run listening-port port=5000");
        int agentLines = lines("agent-audit.jsonl").size();

        GatewayEvent click = discord.pushButton(run, ONCALL);

        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(5);
        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .startsWith("`listening-port` on `local`: exit code 0, ")
                .contains("```\nState");
        assertThat(lines("agent-audit.jsonl")).hasSize(agentLines + 2);
        RecordedRequest noted = discord.awaitCall(
                r -> r.method().equals("PATCH")
                        && r.json().path("embeds").toString().contains("`listening-port` on local ran by"),
                WAIT);
        assertThat(noted.route()).startsWith("channels/");
        assertThat(noted.json().path("embeds").path(0).path("fields").toString())
                .contains("`listening-port` on local ran by <@" + Author.ALICE.id() + ">")
                .contains(": exit 0");
    }

    @Test
    void deniesAMemberWithoutTheRoleAndRunsNothing() throws IOException {
        String run = buttonId(h.replyTo(discord.pushMention(PORT_IN_USE, ONCALL)), "Run listening-port port=5000");
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
        assertThat(asked.json().path("content").asText())
                .contains("only the person who asked can confirm it, within 5 minutes");
        assertThat(marker).doesNotExist();

        GatewayEvent click = discord.pushButton(buttonId(asked, "Confirm"), ONCALL);

        assertThat(discord.awaitFollowUp(click, WAIT).json().path("content").asText())
                .startsWith("`touch-marker` on `local`: exit code 0, ");
        assertThat(marker).exists();
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
