package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alert groups through the real Slack SDK against the fake Web API: post, update, thread note, refusals. */
class SlackAlertPosterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeSlack slack = FakeSlack.start();
    private final MethodsClient client = Slack.getInstance(slack.slackConfig()).methods("xoxb-test-token");
    private final SlackAlertPoster poster = new SlackAlertPoster(client);

    @AfterEach
    void stop() {
        SlackLimits.assertWithinLimits(slack);
        slack.close();
    }

    private static AlertPost marked(String marker) {
        return AlertPosts.firing(1, Map.of()).marked(marker);
    }

    @Test
    void aGroupsMessageCarriesItsMarkerAsMetadataWhichHistoryShowsOnlyWhenAskedForIt() throws Exception {
        PostedMessage posted = poster.post("C0ALERTS", marked("rbg-00aa"));
        poster.update(posted, AlertPosts.resolved(marked("rbg-00aa")).marked("rbg-00aa"));

        JsonNode kept = slack.channelMessages("C0ALERTS").get(0);
        assertThat(kept.path("ts").asText()).isEqualTo(posted.id());
        assertThat(kept.path("metadata").path("event_type").asText()).isEqualTo("runbook_bot_alert");
        assertThat(kept.path("metadata").path("event_payload").path("group").asText())
                .isEqualTo("rbg-00aa");
        assertThat(slack.awaitCall("chat.update", WAIT)
                        .paramJson("metadata")
                        .path("event_payload")
                        .path("group")
                        .asText())
                .as("an edit keeps the marker")
                .isEqualTo("rbg-00aa");
        var plain = client.conversationsHistory(r -> r.channel("C0ALERTS"));
        var withMetadata =
                client.conversationsHistory(r -> r.channel("C0ALERTS").includeAllMetadata(true));
        assertThat(plain.getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getMetadata()).isNull());
        assertThat(withMetadata.getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getMetadata().getEventPayload()).containsEntry("group", "rbg-00aa"));
    }

    @Test
    void findGivesTheBotsTopLevelMessageWithTheMarkerPostedSinceTheMomentAsked() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        PostedMessage wanted = poster.post("C0ALERTS", marked("rbg-00aa"));
        poster.note(wanted, "Now firing: pod=api-9.");
        poster.post("C0ALERTS", marked("rbg-00bb"));
        poster.post("C0OTHER", marked("rbg-00cc"));

        assertThat(poster.find("C0ALERTS", "rbg-00aa", before)).contains(wanted);
        assertThat(poster.find("C0ALERTS", "rbg-00cc", before))
                .as("another channel's")
                .isEmpty();
        assertThat(poster.find("C0ALERTS", "rbg-00ff", before)).isEmpty();
        assertThat(poster.find("C0ALERTS", "rbg-00aa", Instant.now().plusSeconds(5)))
                .as("posted before the moment asked")
                .isEmpty();
        RecordedRequest history = slack.awaitCall("conversations.history", WAIT);
        assertThat(history.param("include_all_metadata")).isPresent().isNotEqualTo(Optional.of("false"));
        assertThat(history.param("oldest")).isPresent();
        assertThat(slack.callsTo("auth.test")).as("the bot's id is asked once").hasSize(1);
    }

    @Test
    void findPagesBackThroughABusyChannel() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        PostedMessage wanted = poster.post("C0BUSY", marked("rbg-00aa"));
        for (int i = 0; i < 150; i++) {
            client.chatPostMessage(r -> r.channel("C0BUSY").text("chatter"));
        }

        assertThat(poster.find("C0BUSY", "rbg-00aa", before)).contains(wanted);
        assertThat(slack.callsTo("conversations.history")).hasSize(2);
    }

    @Test
    void aLookupWithoutTheHistoryScopeIsRefusedNamingTheScope() {
        slack.answer(
                "conversations.history",
                r -> JSON.createObjectNode()
                        .put("ok", false)
                        .put("error", "missing_scope")
                        .put("needed", "channels:history")
                        .put("provided", "chat:write"));

        AlertDeliveryException refused = catchThrowableOfType(
                () -> poster.find("C0ALERTS", "rbg-00aa", Instant.now()), AlertDeliveryException.class);

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("missing_scope").contains("channels:history");
    }

    @Test
    void aGroupIsPostedThenUpdatedInPlaceWithAThreadLineForWhatChanged() throws Exception {
        AlertPost firing = AlertPosts.firing(2, Map.of("namespace", "payments"));

        PostedMessage posted = poster.post("C0ALERTS", firing);
        poster.update(posted, AlertPosts.resolved(firing));
        poster.note(posted, "All resolved.");

        RecordedRequest post = slack.awaitCall("chat.postMessage", WAIT);
        assertThat(post.param("channel")).contains("C0ALERTS");
        assertThat(post.paramJson("blocks").toString()).contains("FIRING 2").contains("Run pod-logs");
        RecordedRequest update = slack.awaitCall("chat.update", WAIT);
        assertThat(update.param("ts")).contains(posted.id());
        assertThat(update.paramJson("blocks").toString()).contains("RESOLVED");
        RecordedRequest note =
                slack.awaitCall("chat.postMessage", r -> r.param("thread_ts").isPresent(), WAIT);
        assertThat(note.param("thread_ts")).contains(posted.id());
        assertThat(note.param("text")).contains("All resolved.");
    }

    @Test
    void aChannelSlackDoesNotKnowIsRefusedForGoodAndRateLimitingAsksToWait() {
        slack.answer(
                "chat.postMessage",
                r -> JSON.createObjectNode().put("ok", false).put("error", "channel_not_found"));
        AlertDeliveryException refused = catchThrowableOfType(
                () -> poster.post("C0NOPE", AlertPosts.firing(1, Map.of())), AlertDeliveryException.class);
        slack.answer(
                "chat.postMessage",
                r -> JSON.createObjectNode().put("ok", false).put("error", "ratelimited"));
        AlertDeliveryException limited = catchThrowableOfType(
                () -> poster.post("C0ALERTS", AlertPosts.firing(1, Map.of())), AlertDeliveryException.class);

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("channel_not_found");
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).isPresent();
    }

    @Test
    void retryAfterIsReadInSecondsAndBounded() {
        assertThat(SlackAlertPoster.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackAlertPoster.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackAlertPoster.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackAlertPoster.retryAfter("999999")).isEqualTo(Duration.ofMinutes(5));
    }
}
