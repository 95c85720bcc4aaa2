package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static io.runbookbot.discord.DiscordRunRig.EPHEMERAL;
import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /runbook run} form and what follows a run, end to end (real JDA, {@link FakeDiscord},
 * the real engine, diagnostics on this host, {@link DiscordRunRig}): the modal, its MODAL_SUBMIT,
 * the output's Share button, and clicks on answers only the clicker sees (MESSAGE_COMPONENT).
 */
class DiscordRunFormIT {
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
                .modalSubmit(
                        "run:service-status",
                        DiscordRunRig.values("unit", "postgres", "lines", "20"),
                        Set.of("unit"),
                        ONCALL));

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
                        "run:service-status",
                        DiscordRunRig.values("unit", "postgres", "lines", "20; id"),
                        Set.of("unit"),
                        ONCALL));

        assertThat(discord.awaitFollowUp(submit, WAIT).json().path("content").asText())
                .startsWith("lines: must be an integer from 1 to 500");
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
        RecordedRequest noted = discord.awaitCall(r -> r.is("PATCH", DiscordRunRig.original(click)), WAIT);
        assertThat(noted.json().path("embeds").path(0).path("fields").toString())
                .contains("`listening-port` on local ran by <@" + Author.ALICE.id() + ">")
                .contains(": exit 0");
        RecordedRequest output = discord.awaitCall(r -> r.is("POST", DiscordRunRig.webhook(click)), WAIT);
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
        RecordedRequest counted = discord.awaitCall(r -> r.is("PATCH", DiscordRunRig.original(click)), WAIT);
        assertThat(counted.json().path("embeds").path(0).path("fields").toString())
                .contains("Helpful (1): <@" + Author.ALICE.id() + ">");
        RecordedRequest thanks = discord.awaitCall(r -> r.is("POST", DiscordRunRig.webhook(click)), WAIT);
        assertThat(thanks.json().path("content").asText()).startsWith("Thanks, noted");
        assertThat(thanks.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    }

    @Test
    void aBotStartedAfterwardsStillSharesTheOutputAndRunsASubmittedForm() throws Exception {
        GatewayEvent command = discord.pushRunCommand("kernel", "", ONCALL);
        RecordedRequest output = discord.awaitFollowUp(command, WAIT);

        try (DiscordHarness restarted = DiscordHarness.start(DiscordRunRig.diagnostics(dir, runner))) {
            FakeDiscord later = restarted.discord;
            GatewayEvent click =
                    later.dispatch(later.events().button(DiscordOutputShare.ID, (ObjectNode) output.json(), ONCALL));
            GatewayEvent submit = later.dispatch(later.events()
                    .modalSubmit("run:listening-port", DiscordRunRig.values("port", "5000"), Set.of(), ONCALL));

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
}
