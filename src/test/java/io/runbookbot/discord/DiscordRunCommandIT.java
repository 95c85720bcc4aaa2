package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static io.runbookbot.discord.DiscordRunRig.EPHEMERAL;
import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /runbook run} end to end: real JDA and {@link FakeDiscord}, the real engine, diagnostics
 * run on this host under the member's roles ({@link DiscordRunRig}); interactions as Discord sends
 * them: APPLICATION_COMMAND with the {@code run} subcommand and APPLICATION_COMMAND_AUTOCOMPLETE.
 */
class DiscordRunCommandIT {
    @TempDir
    static Path dir;

    @AutoClose
    private static CommandRunner runner;

    @AutoClose
    private static DiscordHarness h;

    private static FakeDiscord discord;

    @BeforeAll
    static void start() throws Exception {
        runner = new CommandRunner(2, Duration.ofSeconds(2));
        h = DiscordHarness.start(DiscordRunRig.diagnostics(dir, runner));
        discord = h.discord;
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

        JsonNode reply = discord.awaitCallback(command, WAIT).json();
        assertThat(reply.path("type").asInt()).isEqualTo(4);
        assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(reply.path("data").path("content").asText()).isEqualTo(DiscordRunCommand.UNREADABLE);
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
}
