package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alert groups through the real Slack SDK against the fake Web API: post, update, thread note, refusals. */
class SlackAlertPosterIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeSlack slack = FakeSlack.start();
    private final SlackAlertPoster poster =
            new SlackAlertPoster(Slack.getInstance(slack.slackConfig()).methods("xoxb-test-token"));

    @AfterEach
    void stop() {
        slack.close();
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
