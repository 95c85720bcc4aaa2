package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.ONCALL;
import static io.runbookbot.discord.DiscordHarness.TOO_MANY;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static io.runbookbot.fakes.DiscordEvents.APPLICATION_ID;
import static io.runbookbot.fakes.DiscordEvents.BOT_ID;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mentions, the /runbook slash command and the answer buttons end to end through real JDA and {@link
 * FakeDiscord}; one login for the class.
 */
class DiscordConversationIT {
    /** Discord's message flag for "only the user who clicked or asked sees it". */
    private static final int EPHEMERAL = 64;

    @AutoClose
    private static DiscordHarness h;

    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        h = DiscordHarness.start();
        discord = h.discord;
    }

    @Test
    void registersTheRunbookSlashCommandAtStart() {
        RecordedRequest put = discord.awaitCall("PUT", "applications/" + APPLICATION_ID + "/commands", WAIT);

        assertThat(put.json().path(0).path("name").asText()).isEqualTo("runbook");
        assertThat(put.json().path(0).path("options").path(0).path("name").asText())
                .isEqualTo("ask");
        assertThat(put.json()
                        .path(0)
                        .path("options")
                        .path(0)
                        .path("options")
                        .path(0)
                        .path("name")
                        .asText())
                .isEqualTo("question");
        assertThat(put.header("Authorization")).contains("Bot " + DiscordSettingsTest.TOKEN);
    }

    @Test
    void answersAMentionWithAReplyHoldingTheRightSection() {
        GatewayEvent mention = discord.pushMention(TOO_MANY, ONCALL);

        JsonNode reply = h.replyTo(mention).json();
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

        h.replyTo(
                discord.pushMention(TOO_MANY, ONCALL)); // instead of a fixed quiet period: a later mention is answered
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
    void aSlashAnswerIsTheAskersAloneUntilTheyShareItWithTheChannel() {
        GatewayEvent command = discord.pushSlashCommand(TOO_MANY, ONCALL);

        assertThat(discord.awaitCallback(command, WAIT)
                                .json()
                                .path("data")
                                .path("flags")
                                .asInt()
                        & EPHEMERAL)
                .isEqualTo(EPHEMERAL);
        RecordedRequest answer = discord.awaitFollowUp(command, WAIT);
        GatewayEvent share = discord.pushButton(buttonId(answer, "Share in channel"), ONCALL);

        RecordedRequest shared = discord.awaitCall(
                r -> r.is("POST", "channels/" + DiscordEvents.CHANNEL_ID + "/messages")
                        && r.json().path("content").asText().startsWith("Shared by <@"),
                WAIT);
        assertThat(shared.json().path("embeds").path(0).path("title").asText()).endsWith("› Too Many Connections");
        assertThat(shared.json().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(shared.json().toString()).doesNotContain("Share in channel");
        RecordedRequest told = discord.awaitFollowUp(share, WAIT);
        assertThat(told.json().path("content").asText()).isEqualTo("Shared in the channel.");
        assertThat(told.json().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
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
        JsonNode plain = h.replyTo(discord.pushMention(TOO_MANY, ONCALL))
                .json()
                .path("embeds")
                .path(0);
        GatewayEvent mention = discord.pushMention(
                "<@&" + ONCALL + "> <:fire:123456789012345678> ||FATAL||: `sorry, too many`"
                        + " **clients** _already_ <#3000000000000000003> <t:1700000000:R>",
                ONCALL);

        JsonNode embed = h.replyTo(mention).json().path("embeds").path(0);
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
    void showsTheSecondCandidateForNextMatch() {
        String next = buttonId(h.replyTo(discord.pushMention(TOO_MANY, ONCALL)), "Next match");

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
        String helpful = buttonId(h.replyTo(discord.pushMention(TOO_MANY, ONCALL)), "Helpful");

        GatewayEvent click = discord.pushButton(helpful, ONCALL);

        RecordedRequest thanks = discord.awaitCall(
                r -> r.method().equals("POST") && r.route().equals("webhooks/" + APPLICATION_ID + "/" + click.token()),
                WAIT);
        assertThat(thanks.json().path("content").asText()).isEqualTo("Thanks, noted.");
        assertThat(thanks.json().path("flags").asInt() & EPHEMERAL)
                .as("only the voter sees it")
                .isEqualTo(EPHEMERAL);
        assertThat(h.votes).contains(new BotRequest.Feedback(TOO_MANY, "troubleshooting-guide.md:131", true));
        RecordedRequest counted = discord.awaitCall(
                r -> r.method().equals("PATCH")
                        && r.json().path("embeds").toString().contains("Votes"),
                WAIT);
        assertThat(counted.json().path("embeds").path(0).path("fields").toString())
                .contains("\"name\":\"Votes\"")
                .contains("Helpful (1): <@" + Author.ALICE.id() + ">")
                .contains("Not helpful (0)");
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
        BotEngine engine = BotEngine.builder(() -> h.runbooks).build();

        assertThatThrownBy(() -> DiscordFrontEnd.start(deadGateway, engine, Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Discord session not ready within 500 ms");
    }
}
