package io.runbookbot.discord;

import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeEngine;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Discord adapter alone: real JDA against a fake Discord, with a {@link FakeEngine} (canned
 * replies, no index) behind it. What it sends the engine (caller with role ids and names), how it renders
 * and delivers the reply, what its buttons carry back, and that held replies hold no thread.
 * One login for the class.
 */
class DiscordAdapterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ONCALL = "2100000000000000001";

    private static final FakeEngine engine =
            new FakeEngine().holdingInvestigations(FakeEngine.sectionAnswer("port already in use"));
    private static FakeDiscord discord;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() {
        discord = FakeDiscord.builder().role(ONCALL, "oncall").start();
        frontEnd = DiscordHarness.startFrontEnd(discord, engine);
    }

    @AfterAll
    static void stop() {
        if (frontEnd != null) {
            frontEnd.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aMentionSendsTheQuestionAsTheMemberWithRoleIdsAndTheReplyIsAnEmbedInReplyToIt() {
        GatewayEvent mention = discord.pushMention("port already in use on 8000", ONCALL);

        JsonNode reply = replyTo(mention).json();

        FakeEngine.Received received = engine.received()
                .await(r -> r.request().equals(new BotRequest.Ask("port already in use on 8000")), WAIT);
        assertThat(received.caller().qualifiedUserId()).isEqualTo("discord:" + Author.ALICE.id());
        assertThat(received.caller().roles()).containsExactly(ONCALL, "oncall");
        assertThat(reply.path("embeds").path(0).path("title").asText()).isEqualTo("Ports › Port already in use");
        assertThat(reply.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void theRunButtonOfARenderedAnswerSendsTheDiagnosticItShowsToTheAgentItNames() {
        RecordedRequest answer = replyTo(discord.pushMention("which port", ONCALL));
        String run = buttonId(answer, "Run listening-port port=8000");

        GatewayEvent click = discord.pushButton(run, ONCALL);

        assertThat(discord.awaitCallback(click, WAIT).json().path("type").asInt())
                .isEqualTo(5);
        engine.received()
                .await(
                        r -> r.request()
                                .equals(new BotRequest.RunDiagnostic(
                                        "web-1", "listening-port", Map.of("port", "8000"))),
                        WAIT);
        assertThat(discord.awaitFollowUp(click, WAIT)
                        .json()
                        .path("embeds")
                        .path(0)
                        .path("title")
                        .asText())
                .isEqualTo("Ports › Port already in use");
    }

    @Test
    void investigationsStillRunningHoldNoAnswerThreadSoAQuestionIsAnsweredMeanwhile() {
        List<GatewayEvent> investigations = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // twice the adapter's 4 answer threads
            investigations.add(discord.pushSlashCommand("investigate disk full " + i, ONCALL));
        }
        engine.received().awaitCount(r -> r.request() instanceof BotRequest.Investigate, 8, WAIT);

        JsonNode reply = replyTo(discord.pushMention("port already in use meanwhile", ONCALL))
                .json();

        assertThat(reply.path("embeds").path(0).path("title").asText()).isEqualTo("Ports › Port already in use");
        engine.releaseHeld(new BotReply.Text("investigated"));
        for (GatewayEvent command : investigations) {
            assertThat(discord.awaitFollowUp(command, WAIT)
                            .json()
                            .path("content")
                            .asText())
                    .isEqualTo("investigated");
        }
    }

    private static RecordedRequest replyTo(GatewayEvent mention) {
        return discord.awaitReplyTo(mention, WAIT);
    }
}
