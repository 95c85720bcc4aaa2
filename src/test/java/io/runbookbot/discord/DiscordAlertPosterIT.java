package io.runbookbot.discord;

import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.TestRunbooks;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.DiscordLimits;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alert groups through real JDA against the fake Discord: embed posted, edited in place, a reply for what changed, refusals. */
class DiscordAlertPosterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static FakeDiscord discord;
    private static IndexedRunbooks runbooks;
    private static DiscordFrontEnd frontEnd;

    @BeforeAll
    static void start() {
        discord = FakeDiscord.start();
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
        frontEnd = DiscordHarness.startFrontEnd(
                discord, BotEngine.builder(() -> runbooks).build());
    }

    @AfterAll
    static void stop() {
        frontEnd.close();
        discord.close();
        runbooks.close();
    }

    private static AlertPost marked(String marker) {
        return AlertPosts.firing(1, Map.of()).marked(marker);
    }

    private static long carrying(String marker) {
        return discord.channelMessages(CHANNEL_ID).stream()
                .filter(m -> m.path("embeds")
                        .path(0)
                        .path("footer")
                        .path("text")
                        .asText()
                        .endsWith(marker))
                .count();
    }

    @Test
    void aGroupsMessageCarriesItsMarkerAsItsNonceAndAtTheEndOfItsFooter() throws Exception {
        PostedMessage posted = frontEnd.alerts().post(CHANNEL_ID, marked("rbg-01aa"));
        frontEnd.alerts().update(posted, AlertPosts.resolved(marked("rbg-01aa")).marked("rbg-01aa"));

        RecordedRequest post = discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.json().path("nonce").asText().equals("rbg-01aa"),
                WAIT);
        assertThat(post.json().path("enforce_nonce").asBoolean()).isTrue();
        JsonNode kept = discord.channelMessages(CHANNEL_ID).stream()
                .filter(m -> m.path("id").asText().equals(posted.id()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.path("embeds").path(0).path("title").asText()).contains("RESOLVED");
        assertThat(kept.path("embeds").path(0).path("footer").path("text").asText())
                .as("the edit keeps the marker")
                .startsWith("kube/pod-crashlooping.md:12-20")
                .endsWith(" · rbg-01aa");
        DiscordLimits.assertWithinLimits(discord);
    }

    @Test
    void aSecondPostWithTheSameNonceWithinDiscordsWindowGetsTheFirstMessageBack() throws Exception {
        discord.nonceWindow(Duration.ofMinutes(2));

        PostedMessage first = frontEnd.alerts().post(CHANNEL_ID, marked("rbg-02aa"));
        PostedMessage again = frontEnd.alerts().post(CHANNEL_ID, marked("rbg-02aa"));

        assertThat(again).isEqualTo(first);
        assertThat(carrying("rbg-02aa")).isEqualTo(1);
    }

    @Test
    void findGivesTheBotsMessageWithTheMarkerOnceTheNonceWindowHasPassed() throws Exception {
        discord.nonceWindow(Duration.ZERO);
        Instant before = Instant.now().minusSeconds(1);
        PostedMessage wanted = frontEnd.alerts().post(CHANNEL_ID, marked("rbg-03aa"));
        frontEnd.alerts().note(wanted, "Now firing: pod=api-9.");
        frontEnd.alerts().post(CHANNEL_ID, marked("rbg-03bb"));

        assertThat(frontEnd.alerts().find(CHANNEL_ID, "rbg-03aa", before)).contains(wanted);
        assertThat(frontEnd.alerts().find(CHANNEL_ID, "rbg-03ff", before)).isEmpty();
        assertThat(frontEnd.alerts().find(CHANNEL_ID, "rbg-03aa", Instant.now().plusSeconds(5)))
                .as("posted before the moment asked")
                .isEmpty();
        assertThat(discord.awaitCall("GET", "channels/" + CHANNEL_ID + "/messages", WAIT)
                        .query())
                .containsEntry("limit", "100");
        frontEnd.alerts().post(CHANNEL_ID, marked("rbg-03aa"));
        assertThat(carrying("rbg-03aa"))
                .as("after the window the nonce no longer dedupes")
                .isEqualTo(2);
    }

    @Test
    void aLookupTheBotMayNotMakeIsRefusedForGood() {
        discord.failNext(r -> r.is("GET", "channels/" + CHANNEL_ID + "/messages"), 403, "Missing Access", 50001);

        AlertDeliveryException refused = catchThrowableOfType(
                () -> frontEnd.alerts().find(CHANNEL_ID, "rbg-04aa", Instant.now()), AlertDeliveryException.class);

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("Missing Access");
    }

    @Test
    void aGroupIsPostedThenEditedInPlaceWithAReplyForWhatChanged() throws Exception {
        AlertPost firing = AlertPosts.firing(2, Map.of("namespace", "payments"));

        PostedMessage posted = frontEnd.alerts().post(CHANNEL_ID, firing);
        frontEnd.alerts().update(posted, AlertPosts.resolved(firing));
        frontEnd.alerts().note(posted, "All resolved.");

        RecordedRequest post = discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.body().contains("FIRING 2"),
                WAIT);
        assertThat(post.body()).contains("Run pod-logs").contains("\"parse\":[]");
        RecordedRequest edit = discord.awaitCall("PATCH", "channels/" + CHANNEL_ID + "/messages/" + posted.id(), WAIT);
        assertThat(edit.body()).contains("RESOLVED");
        RecordedRequest reply = discord.awaitCall(
                r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages")
                        && r.body().contains("All resolved."),
                WAIT);
        assertThat(reply.body()).contains("\"message_id\":\"" + posted.id() + "\"");
    }

    @Test
    void aChannelTheBotCannotSeeOrIsNotAllowedInIsRefusedForGood() {
        AlertDeliveryException unknown = catchThrowableOfType(
                () -> frontEnd.alerts().post("3999999999999999999", AlertPosts.firing(1, Map.of())),
                AlertDeliveryException.class);
        AlertDeliveryException notAnId = catchThrowableOfType(
                () -> frontEnd.alerts().post("#alerts", AlertPosts.firing(1, Map.of())), AlertDeliveryException.class);
        discord.failNext(r -> r.is("POST", "channels/" + CHANNEL_ID + "/messages"), 403, "Missing Access", 50001);
        AlertDeliveryException forbidden = catchThrowableOfType(
                () -> frontEnd.alerts().post(CHANNEL_ID, AlertPosts.firing(1, Map.of())), AlertDeliveryException.class);

        assertThat(unknown.retryable()).isFalse();
        assertThat(notAnId.retryable()).isFalse();
        assertThat(forbidden.retryable()).isFalse();
        assertThat(forbidden.getMessage()).contains("Missing Access");
    }
}
