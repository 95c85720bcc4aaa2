package io.runbookbot.discord;

import static io.runbookbot.discord.DiscordHarness.TOO_MANY;
import static io.runbookbot.discord.DiscordHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.DiscordEvents.Author;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incident-channel triage on Discord, as on Slack: real JDA logged in to a fake Discord whose one
 * channel is named "incidents", configured by the pattern {@code incid*}; the real engine over the
 * fixture runbooks, remembering what it posted per channel.
 */
class DiscordIncidentTriageIT {
    private static final Set<String> posted = ConcurrentHashMap.newKeySet();
    private static IndexedRunbooks runbooks;
    private static FakeDiscord discord;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() {
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        discord = FakeDiscord.start();
        BotEngine engine = BotEngine.builder(() -> runbooks)
                .triageMemory((channel, location) -> !posted.add(channel + " " + location))
                .build();
        frontEnd = DiscordHarness.startFrontEnd(discord, engine, List.of("#incid*"));
    }

    @AfterAll
    static void stop() {
        frontEnd.close();
        discord.close();
        runbooks.close();
    }

    private GatewayEvent say(String text) {
        return discord.dispatch(discord.events().message(Author.ALICE, text, false));
    }

    @Test
    void aSymptomNobodyAskedAboutIsAnsweredOnceThenSaidToBeTheSameRunbook() {
        posted.clear();
        GatewayEvent chatter = say("rolling back the deploy now, brb");
        GatewayEvent symptom = say(TOO_MANY + " on the api db");

        RecordedRequest answer = discord.awaitReplyTo(symptom, WAIT);
        assertThat(answer.json().path("embeds").path(0).path("title").asText()).endsWith("› Too Many Connections");
        assertThat(answer.json().path("allowed_mentions").path("parse")).isEmpty();

        GatewayEvent again = say(TOO_MANY + " again on the api db");
        assertThat(discord.awaitReplyTo(again, WAIT).json().path("content").asText())
                .startsWith("Same runbook as above: ")
                .endsWith("(troubleshooting-guide.md:131)");
        assertThat(discord.calls()
                        .matching(r -> r.is("POST", "channels/" + DiscordEvents.CHANNEL_ID + "/messages")
                                && r.json()
                                        .path("message_reference")
                                        .path("message_id")
                                        .asText()
                                        .equals(chatter.id())))
                .as("chatter gets no reply")
                .isEmpty();
    }
}
