package io.runbookbot.discord;

import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A deferred interaction whose answer Discord refuses still ends in a message the user sees. */
class DiscordDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static IndexedRunbooks runbooks;
    private static FakeDiscord discord;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() {
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        discord = FakeDiscord.start();
        frontEnd = DiscordHarness.startFrontEnd(
                discord, BotEngine.builder(() -> runbooks).build());
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
    }

    @Test
    void deferredSlashCommandWhoseAnswerDiscordRefusesGetsANoticeWithAnIncidentIdThroughTheFollowUp() {
        String webhook = "webhooks/" + APPLICATION_ID + "/";
        discord.failNext(
                r -> r.method().equals("POST") && r.route().startsWith(webhook), 400, "Invalid Form Body", 50035);

        GatewayEvent command = discord.pushSlashCommand("FATAL: sorry, too many clients already");

        assertThat(discord.awaitCallback(command, WAIT).json().path("type").asInt())
                .isEqualTo(5);
        RecordedRequest notice = discord.awaitCall(
                r -> r.route().equals(webhook + command.token())
                        && r.json().path("content").asText().startsWith("Sorry"),
                WAIT);
        assertThat(notice.json().path("content").asText())
                .matches("Sorry, I could not send this answer \\(incident [0-9a-f]{8}\\)\\.");
        assertThat(discord.calls().matching(r -> r.route().equals(webhook + command.token())))
                .hasSize(2);
    }
}
