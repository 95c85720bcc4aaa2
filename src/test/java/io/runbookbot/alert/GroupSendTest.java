package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertPosts;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.fakes.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's first post whose id was never recorded (the bot was killed, the answer timed out) is
 * looked for on the platform by its marker before posting: found, it is updated; not found or not
 * allowed to look, it is posted; an outage while looking is retried, never a second message.
 */
class GroupSendTest {
    private static final AlertMessageStore.Key KEY =
            new AlertMessageStore.Key("{}:{alertname=\"KubePodCrashLooping\"}", "payments", "slack");
    private static final String CHANNEL = "C0ALERTS";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Platform platform = new Platform();

    /** A platform that records what it was asked and answers lookups as the test says. */
    private static final class Platform implements AlertDestination {
        final List<AlertPost> posts = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> lookups = new ArrayList<>();
        Optional<PostedMessage> holds = Optional.empty();
        AlertDeliveryException lookupFails;
        AlertDeliveryException postFails;

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException {
            posts.add(post);
            if (postFails != null) {
                AlertDeliveryException e = postFails;
                postFails = null;
                throw e;
            }
            return new PostedMessage(channel, "ts." + posts.size());
        }

        @Override
        public void update(PostedMessage message, AlertPost post) {
            updated.add(message.id() + " " + post.marker());
        }

        @Override
        public void note(PostedMessage message, String line) {
            notes.add(message.id() + " " + line);
        }

        @Override
        public Optional<PostedMessage> find(String channel, String marker, Instant since)
                throws AlertDeliveryException {
            lookups.add(channel + " " + marker + " " + since);
            if (lookupFails != null) {
                throw lookupFails;
            }
            return holds;
        }
    }

    private static GroupSend firing(String... fingerprints) {
        List<AlertChanges.Now> now = new ArrayList<>();
        for (String f : fingerprints) {
            now.add(new AlertChanges.Now(f, true, "pod=" + f));
        }
        return new GroupSend(
                KEY, CHANNEL, (firing, resolved) -> AlertPosts.firing(firing.size(), Map.of()), now, false);
    }

    private AlertMessageStore storeWithPendingPost(Instant at) throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        store.put(KEY, AlertMessageStore.Posted.pending(CHANNEL, Set.of("a"), Set.of(), at));
        return store;
    }

    private String lookupSince(Instant pendingAt) {
        return CHANNEL + " " + GroupMarker.of(KEY, CHANNEL) + " " + pendingAt.minus(GroupSend.LOOKBACK_MARGIN);
    }

    @Test
    void aPendingPostWhoseMessageThePlatformHasIsUpdatedNotPostedAgain() throws Exception {
        Instant crashedAt = clock.instant();
        AlertMessageStore store = storeWithPendingPost(crashedAt);
        clock.advance(Duration.ofMinutes(1));
        platform.holds = Optional.of(new PostedMessage(CHANNEL, "1700000100.000001"));

        GroupSend.Outcome outcome = firing("a", "b").send(platform, store, clock);

        assertThat(outcome.posted()).isFalse();
        assertThat(platform.lookups).containsExactly(lookupSince(crashedAt));
        assertThat(platform.posts).isEmpty();
        assertThat(platform.updated).containsExactly("1700000100.000001 " + GroupMarker.of(KEY, CHANNEL));
        assertThat(platform.notes)
                .as("the message showed the pending state: b is what is new")
                .containsExactly("1700000100.000001 Now firing: pod=b.");
        AlertMessageStore.Posted recorded = store.get(KEY).orElseThrow();
        assertThat(recorded.messageId()).isEqualTo("1700000100.000001");
        assertThat(recorded.firing()).containsExactly("a", "b");
    }

    @Test
    void aPendingPostThePlatformNeverTookIsPostedOnceWithTheGroupsMarker() throws Exception {
        AlertMessageStore store = storeWithPendingPost(clock.instant());

        GroupSend.Outcome outcome = firing("a").send(platform, store, clock);

        assertThat(outcome.posted()).isTrue();
        assertThat(platform.lookups).hasSize(1);
        assertThat(platform.posts)
                .singleElement()
                .satisfies(p -> assertThat(p.marker()).isEqualTo(GroupMarker.of(KEY, CHANNEL)));
        assertThat(store.get(KEY).orElseThrow().messageId()).isEqualTo("ts.1");
    }

    @Test
    void aLookupThePlatformRefusesFallsBackToPosting() throws Exception {
        AlertMessageStore store = storeWithPendingPost(clock.instant());
        platform.lookupFails = AlertDeliveryException.refused("conversations.history: missing_scope");

        GroupSend.Outcome outcome = firing("a").send(platform, store, clock);

        assertThat(outcome.posted()).isTrue();
        assertThat(platform.posts).hasSize(1);
        assertThat(store.get(KEY).orElseThrow().isPending()).isFalse();
    }

    @Test
    void anOutageWhileLookingIsRetriedLaterAndNothingIsPosted() throws Exception {
        Instant crashedAt = clock.instant();
        AlertMessageStore store = storeWithPendingPost(crashedAt);
        platform.lookupFails = AlertDeliveryException.unavailable("conversations.history: HTTP 503", null);

        AlertDeliveryException failed =
                catchThrowableOfType(() -> firing("a").send(platform, store, clock), AlertDeliveryException.class);

        assertThat(failed.retryable()).isTrue();
        assertThat(platform.posts).isEmpty();
        assertThat(store.get(KEY).orElseThrow().isPending()).isTrue();
        assertThat(store.get(KEY).orElseThrow().updatedAt()).isEqualTo(crashedAt);
    }

    @Test
    void aRetryAfterAPostWhoseAnswerWasLostLooksBackToTheFirstAttempt() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);
        Instant firstAttempt = clock.instant();
        platform.postFails = AlertDeliveryException.unavailable("chat.postMessage: SocketTimeoutException", null);
        catchThrowableOfType(() -> firing("a").send(platform, store, clock), AlertDeliveryException.class);
        clock.advance(Duration.ofMinutes(10));
        platform.holds = Optional.of(new PostedMessage(CHANNEL, "ts.1"));

        GroupSend.Outcome retried = firing("a").send(platform, store, clock);

        assertThat(retried.posted()).isFalse();
        assertThat(platform.lookups).containsExactly(lookupSince(firstAttempt));
        assertThat(platform.posts).as("only the attempt whose answer was lost").hasSize(1);
        assertThat(platform.updated).containsExactly("ts.1 " + GroupMarker.of(KEY, CHANNEL));
        assertThat(platform.notes).as("nothing changed since that post").isEmpty();
    }

    @Test
    void aNewGroupIsPostedWithoutLookingBackAndARecordedOneIsUpdated() throws Exception {
        AlertMessageStore store = AlertMessageStore.open(dir);

        assertThat(firing("a").send(platform, store, clock).posted()).isTrue();
        assertThat(firing("a").send(platform, store, clock).posted()).isFalse();

        assertThat(platform.lookups).isEmpty();
        assertThat(platform.posts).hasSize(1);
        assertThat(platform.updated).containsExactly("ts.1 " + GroupMarker.of(KEY, CHANNEL));
    }

    @Test
    void theMarkerIsShortHexAndDiffersPerGroupRouteAndChannel() {
        String marker = GroupMarker.of(KEY, CHANNEL);

        assertThat(marker).matches("rbg-[0-9a-f]{20}").hasSizeLessThanOrEqualTo(AlertPost.MAX_MARKER);
        assertThat(GroupMarker.of(KEY, CHANNEL)).isEqualTo(marker);
        assertThat(GroupMarker.of(KEY, "C0OTHER")).isNotEqualTo(marker);
        assertThat(GroupMarker.of(new AlertMessageStore.Key(KEY.groupKey(), "other", "slack"), CHANNEL))
                .isNotEqualTo(marker);
        assertThat(marker).doesNotContain("KubePodCrashLooping").doesNotContain("payments");
    }
}
