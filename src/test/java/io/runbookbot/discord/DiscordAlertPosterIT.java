package io.runbookbot.discord;

import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.search.IndexedRunbooks;
import java.time.Duration;
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
