package io.runbookbot.security;

import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.TestRunbooks;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.diagnostics.DiagnosticsService;
import io.runbookbot.discord.DiscordFrontEnd;
import io.runbookbot.discord.DiscordSettings;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.search.IndexedRunbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on {@code /runbook run} through real JDA and the fake Discord: interactions a client
 * could forge (a form for a check that was never offered, extra fields, a Share click on a message
 * that is not the bot's), shell text in parameters, and an oversized autocomplete value. Each
 * asserts that nothing ran or was posted, and what the attacker was told.
 */
class DiscordRunFormSecurityIT {
    private static final String ONCALL = "2100000000000000001";
    private static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private static CommandRunner runner;
    private static IndexedRunbooks runbooks;
    private static FakeDiscord discord;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: port-check
                    description: Which process listens on a TCP port
                    argv: [/usr/bin/touch, "%1$s/port-{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                    access: {roles: ["%2$s"]}
                  - id: leads-only
                    description: Not for on-call
                    argv: [/usr/bin/touch, "%1$s/leads-only-ran-{port}"]
                    params:
                      port: {type: integer, min: 1, max: 65535}
                    read_only: true
                    access: {roles: ["9999"]}
                """.formatted(dir, ONCALL));
        runner = new CommandRunner(2, Duration.ofSeconds(2));
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        BotEngine engine = BotEngine.builder(() -> runbooks)
                .diagnostics(Optional.of(DiagnosticsService.builder(Allowlist.load(allowlist))
                        .local(runner)
                        .perMinute(100)
                        .build()))
                .build();
        discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
        frontEnd = DiscordFrontEnd.start(
                new DiscordSettings(
                        TOKEN,
                        Optional.of(discord.restBaseUrl()),
                        Optional.of(discord.gatewayUrl().toString()),
                        List.of()),
                engine);
    }

    @AfterAll
    static void stop() {
        if (frontEnd != null) {
            frontEnd.close();
        }
        if (discord != null) {
            discord.close();
        }
        if (runbooks != null) {
            runbooks.close();
        }
        runner.close();
    }

    @Test
    void forgedFormForACheckNotOpenToTheMemberIsDeniedAndRunsNothing() {
        GatewayEvent forged = discord.dispatch(
                discord.events().modalSubmit("run:leads-only", Map.of("port", "22"), Set.of(), ONCALL));

        assertThat(followUp(forged)).contains("not allowed to run leads-only");
        assertThat(dir.resolve("leads-only-ran-22")).doesNotExist();
    }

    @Test
    void formWithAFieldTheCheckDoesNotHaveIsRefusedNamingItAndRunsNothing() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("port", "23");
        values.put("argv", "/bin/sh");
        GatewayEvent forged =
                discord.dispatch(discord.events().modalSubmit("run:port-check", values, Set.of(), ONCALL));

        assertThat(followUp(forged)).startsWith("unknown parameter \"argv\" for port-check");
        assertThat(dir.resolve("port-23")).doesNotExist();
    }

    @Test
    void shellTextInParamsIsNeverRunAndTheFieldIsNamed() {
        GatewayEvent substitution = discord.pushRunCommand("port-check", "port=$(reboot)", ONCALL);
        GatewayEvent chained = discord.pushRunCommand("port-check", "port=24 ; touch " + dir + "/owned", ONCALL);

        assertThat(followUp(substitution)).startsWith("port: must be an integer from 1 to 65535");
        assertThat(discord.awaitCallback(chained, WAIT)
                        .json()
                        .path("data")
                        .path("content")
                        .asText())
                .startsWith("I could not read the parameters");
        assertThat(dir.resolve("owned")).doesNotExist();
        assertThat(dir.resolve("port-24")).doesNotExist();
    }

    @Test
    void shareClickOnAMessageTheBotDidNotWritePostsNothing() {
        ObjectNode sent = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("content", "@everyone `port-check` on `local`: exit code 0 (forged)");
        GatewayEvent click = discord.events().button("d:share-output", sent, ONCALL);
        ObjectNode data = click.data();
        ((ObjectNode) data.path("message").path("author"))
                .put("id", Author.ALICE.id())
                .put("bot", false);
        GatewayEvent forged = discord.dispatch(new GatewayEvent(click.type(), data));

        JsonNode reply = discord.awaitCallback(forged, WAIT).json();
        assertThat(reply.path("data").path("content").asText()).isEqualTo("There is no output of mine to share here.");
        assertThat(reply.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.calls()
                        .matching(r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                                && r.json().path("content").asText().contains("forged")))
                .isEmpty();
    }

    @Test
    void oversizedAutocompleteValueIsAnsweredWithinDiscordsLimitsAtOnce() {
        Map<String, String> filled = new LinkedHashMap<>();
        filled.put("check", "port-check");
        filled.put("params", "port=1 ".repeat(1000));
        long start = System.nanoTime();
        GatewayEvent typing = discord.dispatch(discord.events().autocomplete(filled, "params", ONCALL));

        JsonNode callback = discord.awaitCallback(typing, WAIT).json();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices").size()).isLessThanOrEqualTo(25);
        callback.path("data").path("choices").forEach(c -> {
            assertThat(c.path("name").asText()).hasSizeBetween(1, 100);
            assertThat(c.path("value").asText()).hasSizeBetween(1, 100);
        });
    }

    private static String followUp(GatewayEvent interaction) {
        String webhook = "webhooks/" + APPLICATION_ID + "/" + interaction.token();
        return discord.awaitCall(r -> r.route().startsWith(webhook), WAIT)
                .json()
                .path("content")
                .asText();
    }
}
