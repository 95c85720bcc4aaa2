package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /runbook run} end to end: real JDA and {@link FakeDiscord}, the real engine, diagnostics
 * run on this host under the member's roles; interactions as Discord sends them (APPLICATION_COMMAND
 * with the {@code run} subcommand, APPLICATION_COMMAND_AUTOCOMPLETE, MODAL_SUBMIT, MESSAGE_COMPONENT).
 */
class DiscordRunCommandIT {
    private static final int EPHEMERAL = 64;

    @TempDir
    static Path dir;

    @AutoClose
    private static CommandRunner runner;

    @AutoClose
    private static DiscordHarness h;

    private static FakeDiscord discord;

    @BeforeAll
    static void start() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: listening-port
                    description: Which process listens on a TCP port
                    argv: [ss, -ltn, "sport = :{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                    recognizes: ["netstat -ano | findstr :{port}", "lsof -t -i:{port}"]
                    access: {roles: ["%1$s"]}
                  - id: service-status
                    description: A service's recent state
                    argv: [/bin/echo, "{unit}", "{lines}"]
                    params:
                      unit: {type: enum, values: [nginx, postgres]}
                      lines: {type: integer, min: 1, max: 500}
                    read_only: true
                    access: {roles: ["%1$s"]}
                  - id: kernel
                    description: The kernel release
                    argv: [uname, -r]
                    read_only: true
                    access: {roles: ["%1$s"]}
                  - id: admin-only
                    description: For the leads
                    argv: [uname, -a]
                    read_only: true
                    access: {roles: ["9999"]}
                """.formatted(ONCALL));
        runner = new CommandRunner(2, Duration.ofSeconds(2));
        h = DiscordHarness.start(diagnostics(allowlist));
        discord = h.discord;
    }

    private static DiagnosticsService diagnostics(Path allowlist) {
        return DiagnosticsService.builder(Allowlist.load(allowlist))
                .local(runner)
                .perMinute(100)
                .build();
    }

    @Test
    void registersARunSubcommandWhoseCheckAndParamsAreSuggestedAsYouType() {
        JsonNode command = discord.awaitCall("PUT", "applications/" + APPLICATION_ID + "/commands", WAIT)
                .json()
                .path(0);

        assertThat(names(command.path("options"))).containsExactly("ask", "run", "diagnostics");
        JsonNode run = command.path("options").path(1);
        assertThat(run.path("type").asInt()).isEqualTo(1);
        assertThat(names(run.path("options"))).containsExactly("check", "params");
        assertThat(run.path("options").path(0).path("required").asBoolean()).isTrue();
        assertThat(run.path("options").path(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(run.path("options").path(1).path("required").asBoolean()).isFalse();
        assertThat(run.path("options").path(1).path("autocomplete").asBoolean()).isTrue();
    }

    @Test
    void listsTheChecksTheMemberMayRunHereForTheDiagnosticsSubcommand() {
        GatewayEvent command = discord.dispatch(discord.events().diagnosticsCommand(ONCALL));

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .startsWith("3 diagnostics you may run here:")
                .contains("• kernel: The kernel release")
                .doesNotContain("admin-only");
    }

    @Test
    void suggestsOnlyTheChecksTheMemberMayRunHere() {
        List<JsonNode> choices = autocomplete(Map.of("check", ""), "check");

        assertThat(choices)
                .extracting(c -> c.path("value").asText())
                .containsExactly("listening-port", "service-status", "kernel");
        assertThat(choices.get(0).path("name").asText())
                .isEqualTo("listening-port: Which process listens on a TCP port");
        assertWithinDiscordLimits(choices);
    }

    @Test
    void suggestsTheChecksWhoseIdStartsWithWhatWasTypedFirst() {
        assertThat(autocomplete(Map.of("check", "ser"), "check"))
                .extracting(c -> c.path("value").asText())
                .containsExactly("service-status");
    }

    @Test
    void suggestsEachChoiceAndTheRangeOfTheParametersNotGivenYet() {
        Map<String, String> filled = new LinkedHashMap<>();
        filled.put("check", "service-status");
        filled.put("params", "");
        List<JsonNode> all = autocomplete(filled, "params");
        filled.put("params", "unit=postgres l");
        List<JsonNode> rest = autocomplete(filled, "params");

        assertThat(all)
                .extracting(c -> c.path("value").asText())
                .containsExactly("unit=nginx", "unit=postgres", "lines=1", "lines=500");
        assertThat(all.get(0).path("name").asText()).isEqualTo("unit=nginx  (one of: nginx, postgres)");
        assertThat(rest)
                .extracting(c -> c.path("value").asText())
                .containsExactly("unit=postgres lines=1", "unit=postgres lines=500");
        assertWithinDiscordLimits(all);
    }

    @Test
    void runsACheckGivenWithItsParamsAndAnswersTheAskerAloneWithExitCodeDurationAndShare() {
        GatewayEvent command = discord.pushRunCommand("listening-port", "port=5000", ONCALL);

        JsonNode deferred = discord.awaitCallback(command, WAIT).json();
        assertThat(deferred.path("type").asInt()).isEqualTo(5);
        assertThat(deferred.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        RecordedRequest output = discord.awaitFollowUp(command, WAIT);
        assertThat(output.json().path("content").asText())
                .matches("(?s)`listening-port` on `local`: exit code 0, \\d+ ms\n```\nState.*");
        assertThat(output.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(buttonId(output, "Share in channel")).isEqualTo(DiscordOutputShare.ID);
    }

    @Test
    void refusesAnOutOfRangeValueNamingTheParameterAndRunsNothing() {
        GatewayEvent command = discord.pushRunCommand("listening-port", "port=99999", ONCALL);

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .isEqualTo("port: must be an integer from 1 to 65535, got \"99999\"");
    }

    @Test
    void refusesParamsItCannotReadWithTheWayToWriteThem() {
        GatewayEvent command = discord.pushRunCommand("listening-port", "port=5000; rm -rf /", ONCALL);

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .isEqualTo(DiscordRunCommand.UNREADABLE);
    }

    @Test
    void opensAFormWithASelectForAnEnumerationAndTheRangeForAnInteger() {
        GatewayEvent command = discord.pushRunCommand("service-status", "", ONCALL);

        JsonNode modal = discord.awaitCallback(command, WAIT).json();
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        JsonNode data = modal.path("data");
        assertThat(data.path("custom_id").asText()).isEqualTo("run:service-status");
        assertThat(data.path("title").asText()).isEqualTo("Run service-status");
        JsonNode unit = data.path("components").path(0);
        assertThat(unit.path("type").asInt()).isEqualTo(18);
        assertThat(unit.path("label").asText()).isEqualTo("unit");
        assertThat(unit.path("component").path("type").asInt()).isEqualTo(3);
        assertThat(unit.path("component").path("options").findValuesAsText("value"))
                .containsExactly("nginx", "postgres");
        JsonNode lines = data.path("components").path(1);
        assertThat(lines.path("description").asText()).isEqualTo("integer 1-500");
        assertThat(lines.path("component").path("type").asInt()).isEqualTo(4);
        assertThat(lines.path("component").path("placeholder").asText()).isEqualTo("1-500");
    }

    @Test
    void runsWhatTheFormWasSubmittedWith() {
        GatewayEvent submit = discord.dispatch(discord.events()
                .modalSubmit("run:service-status", values("unit", "postgres", "lines", "20"), Set.of("unit"), ONCALL));

        String content =
                discord.awaitFollowUp(submit, WAIT).json().path("content").asText();
        assertThat(content)
                .startsWith("`service-status` on `local`: exit code 0, ")
                .contains("```\npostgres 20\n```");
    }

    @Test
    void refusesAFormValueTheAllowlistRejectsNamingTheField() {
        GatewayEvent submit = discord.dispatch(discord.events()
                .modalSubmit(
                        "run:service-status", values("unit", "postgres", "lines", "20; id"), Set.of("unit"), ONCALL));

        assertThat(discord.awaitFollowUp(submit, WAIT).json().path("content").asText())
                .startsWith("lines: must be an integer from 1 to 500");
    }

    @Test
    void runsACheckWithoutParametersAtOnce() {
        GatewayEvent command = discord.pushRunCommand("kernel", "", ONCALL);

        assertThat(discord.awaitFollowUp(command, WAIT).json().path("content").asText())
                .startsWith("`kernel` on `local`: exit code 0, ");
    }

    @Test
    void tellsAMemberACheckIsNotOpenToThemWithoutOpeningAForm() {
        GatewayEvent command = discord.pushRunCommand("admin-only", "", ONCALL);

        JsonNode reply = discord.awaitCallback(command, WAIT).json();
        assertThat(reply.path("type").asInt()).isEqualTo(4);
        assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(reply.path("data").path("content").asText())
                .isEqualTo("No check `admin-only` is open to you here; `/runbook diagnostics` lists those that are.");
    }

    @Test
    void sharesTheOutputInTheChannelSharedByTheClickerAndMarksTheButton() {
        GatewayEvent command = discord.pushRunCommand("kernel", "", ONCALL);
        String output =
                discord.awaitFollowUp(command, WAIT).json().path("content").asText();

        GatewayEvent click = discord.pushButton(DiscordOutputShare.ID, ONCALL);

        RecordedRequest shared = discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.json().path("content").asText().startsWith("Shared by"),
                WAIT);
        assertThat(shared.json().path("content").asText())
                .isEqualTo("Shared by <@" + Author.ALICE.id() + ">\n" + output);
        assertThat(shared.json().path("components")).isEmpty();
        assertThat(shared.json().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(6);
        JsonNode marked = discord.awaitFollowUp(click, WAIT).json();
        assertThat(marked.path("components")
                        .path(0)
                        .path("components")
                        .path(0)
                        .path("disabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void notesARunOnTheAnswerOnlyTheClickerSeesThroughTheClicksOwnInteraction() {
        GatewayEvent asked = discord.pushSlashCommand(DiscordHarness.PORT_IN_USE, ONCALL);
        RecordedRequest answer = discord.awaitFollowUp(asked, WAIT);
        assertThat(answer.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);

        GatewayEvent click = discord.pushButton(buttonId(answer, "Run listening-port port=5000"), ONCALL);

        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(6);
        RecordedRequest noted = discord.awaitCall(r -> r.is("PATCH", original(click)), WAIT);
        assertThat(noted.json().path("embeds").path(0).path("fields").toString())
                .contains("`listening-port` on local ran by <@" + Author.ALICE.id() + ">")
                .contains(": exit 0");
        RecordedRequest output = discord.awaitCall(r -> r.is("POST", webhook(click)), WAIT);
        assertThat(output.json().path("content").asText()).startsWith("`listening-port` on `local`: exit code 0");
        assertThat(output.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    }

    @Test
    void countsAVoteOnTheAnswerOnlyTheClickerSees() {
        GatewayEvent asked = discord.pushSlashCommand(DiscordHarness.TOO_MANY, ONCALL);
        RecordedRequest answer = discord.awaitFollowUp(asked, WAIT);

        GatewayEvent click = discord.pushButton(buttonId(answer, "Helpful"), ONCALL);

        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(6);
        RecordedRequest counted = discord.awaitCall(r -> r.is("PATCH", original(click)), WAIT);
        assertThat(counted.json().path("embeds").path(0).path("fields").toString())
                .contains("Helpful (1): <@" + Author.ALICE.id() + ">");
        RecordedRequest thanks = discord.awaitCall(r -> r.is("POST", webhook(click)), WAIT);
        assertThat(thanks.json().path("content").asText()).startsWith("Thanks, noted");
        assertThat(thanks.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    }

    @Test
    void aBotStartedAfterwardsStillSharesTheOutputAndRunsASubmittedForm() {
        GatewayEvent command = discord.pushRunCommand("kernel", "", ONCALL);
        RecordedRequest output = discord.awaitFollowUp(command, WAIT);

        try (DiscordHarness restarted = DiscordHarness.start(diagnostics(dir.resolve("allowlist.yaml")))) {
            FakeDiscord later = restarted.discord;
            GatewayEvent click =
                    later.dispatch(later.events().button(DiscordOutputShare.ID, (ObjectNode) output.json(), ONCALL));
            GatewayEvent submit = later.dispatch(
                    later.events().modalSubmit("run:listening-port", values("port", "5000"), Set.of(), ONCALL));

            RecordedRequest shared = later.awaitCall("POST", "channels/" + CHANNEL_ID + "/messages", WAIT);
            assertThat(shared.json().path("content").asText())
                    .isEqualTo("Shared by <@" + Author.ALICE.id() + ">\n"
                            + output.json().path("content").asText());
            assertThat(later.awaitCallback(click, WAIT).json().path("type").asInt())
                    .isEqualTo(6);
            assertThat(later.awaitFollowUp(submit, WAIT).json().path("content").asText())
                    .startsWith("`listening-port` on `local`: exit code 0, ");
        }
    }

    private static String webhook(GatewayEvent interaction) {
        return "webhooks/" + APPLICATION_ID + "/" + interaction.token();
    }

    private static String original(GatewayEvent interaction) {
        return webhook(interaction) + "/messages/@original";
    }

    private static List<JsonNode> autocomplete(Map<String, String> filled, String focused) {
        GatewayEvent typing = discord.dispatch(discord.events().autocomplete(filled, focused, ONCALL));
        JsonNode callback = discord.awaitCallback(typing, WAIT).json();
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        List<JsonNode> choices = new ArrayList<>();
        callback.path("data").path("choices").forEach(choices::add);
        return choices;
    }

    private static void assertWithinDiscordLimits(List<JsonNode> choices) {
        assertThat(choices).hasSizeLessThanOrEqualTo(25);
        assertThat(choices).allSatisfy(c -> {
            assertThat(c.path("name").asText()).hasSizeBetween(1, 100);
            assertThat(c.path("value").asText()).hasSizeBetween(1, 100);
        });
    }

    private static List<String> names(JsonNode options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.add(o.path("name").asText()));
        return out;
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
