package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChatPacerTest {
    private static final PacerSettings SETTINGS = new PacerSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(1), 100);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final ScriptedPoster poster = new ScriptedPoster();

    @Test
    void postsEachChannelInOrderAtMostOnceASecondWithoutChannelsWaitingForEachOther() {
        ChatPacer<String> pacer = pacer(SETTINGS);
        for (String m : List.of("a1", "a2", "a3")) {
            pacer.submit("C1", m);
        }
        pacer.submit("C2", "b1");
        pacer.submit("C2", "b2");

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(poster.calls).containsExactly("0s C1 a1", "0s C2 b1", "1s C1 a2", "1s C2 b2", "2s C1 a3");
    }

    @Test
    void aMessageSubmittedToAnIdleChannelLongAfterTheLastGoesAtOnce() {
        ChatPacer<String> pacer = pacer(SETTINGS);
        pacer.submit("C1", "first");
        scheduler.advance(Duration.ofSeconds(5));
        pacer.submit("C1", "second");
        scheduler.runDue();

        assertThat(poster.calls).containsExactly("0s C1 first", "5s C1 second");
    }

    @Test
    void aRateLimitedPostWaitsTheRetryAfterAndSoDoesTheRestOfTheChannel() {
        poster.script("C1", () -> PostAttempt.rateLimited(Duration.ofSeconds(30)));
        ChatPacer<String> pacer = pacer(SETTINGS);
        CompletableFuture<Delivery> first = pacer.submit("C1", "a1");
        pacer.submit("C1", "a2");

        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(poster.calls).containsExactly("0s C1 a1");
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(poster.calls).containsExactly("0s C1 a1", "30s C1 a1", "31s C1 a2");
        assertThat(first).isCompletedWithValue(new Delivery("C1", true, 2, java.util.Optional.empty(), "posted"));
    }

    @Test
    void aGlobalRateLimitHoldsEveryChannelUntilItsRetryAfter() {
        poster.script("C1", () -> PostAttempt.rateLimitedEverywhere(Duration.ofSeconds(10)));
        ChatPacer<String> pacer = pacer(SETTINGS);
        pacer.submit("C1", "a1");
        pacer.submit("C2", "b1");
        scheduler.advance(Duration.ofSeconds(5));
        pacer.submit("C3", "c1");

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(poster.calls).containsExactly("0s C1 a1", "10s C1 a1", "10s C2 b1", "10s C3 c1");
    }

    @Test
    void anOutageIsRetriedWithDoublingWaitsCappedAtMaxBackoff() {
        for (int i = 0; i < 5; i++) {
            poster.script("C1", () -> PostAttempt.unavailable("HTTP 503"));
        }
        PacerSettings capped = new PacerSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1), 100);
        CompletableFuture<Delivery> delivery = pacer(capped).submit("C1", "a1");

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(poster.calls)
                .containsExactly("0s C1 a1", "1s C1 a1", "3s C1 a1", "7s C1 a1", "11s C1 a1", "15s C1 a1");
        assertThat(delivery.join().posted()).isTrue();
        assertThat(delivery.join().attempts()).isEqualTo(6);
    }

    @Test
    void anOutageLongerThanTheLimitIsGivenUpWithAnIncidentIdAndTheChannelGoesOn() {
        ChatPacer<String> pacer = pacer(SETTINGS);
        poster.down("C1");
        CompletableFuture<Delivery> lost = pacer.submit("C1", "a1");
        CompletableFuture<Delivery> next = pacer.submit("C1", "a2");

        scheduler.advance(Duration.ofSeconds(30));
        assertThat(lost).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(lost)
                .as("given up at the 6th attempt: the 7th would be at 63 s")
                .isDone();
        poster.up("C1");
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(poster.calls)
                .containsExactly("0s C1 a1", "1s C1 a1", "3s C1 a1", "7s C1 a1", "15s C1 a1", "31s C1 a1", "32s C1 a2");
        Delivery gaveUp = lost.join();
        assertThat(gaveUp.posted()).isFalse();
        assertThat(gaveUp.attempts()).isEqualTo(6);
        assertThat(gaveUp.incidentId()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{8}"));
        assertThat(gaveUp.reason())
                .isEqualTo("still unavailable (HTTP 503) after 6 attempts; the next one (in PT32S) "
                        + "would pass the limit of PT1M");
        assertThat(next.join().posted()).isTrue();
    }

    @Test
    void aRejectedPostIsGivenUpAtOnce() {
        poster.script("C1", () -> PostAttempt.rejected("channel_not_found"));
        CompletableFuture<Delivery> delivery = pacer(SETTINGS).submit("C1", "a1");

        scheduler.advance(Duration.ofMinutes(5));

        assertThat(poster.calls).containsExactly("0s C1 a1");
        assertThat(delivery.join().reason()).isEqualTo("rejected: channel_not_found");
        assertThat(delivery.join().incidentId()).isPresent();
    }

    @Test
    void aRetryAfterBeyondTheLimitIsGivenUpWithoutWaitingOrOverflowing() {
        poster.script("C1", () -> PostAttempt.rateLimited(Duration.ofDays(365L * 1_000_000)));
        CompletableFuture<Delivery> delivery = pacer(SETTINGS).submit("C1", "a1");

        scheduler.runDue();

        assertThat(delivery.join().posted()).isFalse();
        assertThat(delivery.join().reason()).startsWith("still rate limited (Retry-After PT8760000000H)");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aPosterThatThrowsIsTriedAgainAndTheBotCarriesOn() {
        poster.script("C1", () -> {
            throw new IllegalStateException("socket closed");
        });
        CompletableFuture<Delivery> delivery = pacer(SETTINGS).submit("C1", "a1");

        scheduler.advance(Duration.ofSeconds(2));

        assertThat(poster.calls).containsExactly("0s C1 a1", "1s C1 a1");
        assertThat(delivery.join().posted()).isTrue();
    }

    @Test
    void aFullChannelQueueGivesUpTheNewMessageAtOnce() {
        PacerSettings two = new PacerSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(1), 2);
        ChatPacer<String> pacer = pacer(two);
        pacer.submit("C1", "a1");
        pacer.submit("C1", "a2");

        CompletableFuture<Delivery> third = pacer.submit("C1", "a3");

        assertThat(third.join().reason()).isEqualTo("the channel's queue is full (2 messages waiting)");
        assertThat(pacer.queued("C1")).isEqualTo(2);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(poster.calls).containsExactly("0s C1 a1", "1s C1 a2");
        assertThat(pacer.queued("C1")).isZero();
    }

    private ChatPacer<String> pacer(PacerSettings settings) {
        return new ChatPacer<>(poster, scheduler, settings, "test");
    }

    /** Answers posts from a script per channel (then "posted"), recording "<seconds>s <channel> <message>". */
    private final class ScriptedPoster implements ChannelPoster<String> {
        final List<String> calls = new ArrayList<>();
        final Map<String, Deque<Supplier<PostAttempt>>> scripts = new HashMap<>();
        final Map<String, Boolean> down = new HashMap<>();

        void script(String channel, Supplier<PostAttempt> answer) {
            scripts.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(answer);
        }

        void down(String channel) {
            down.put(channel, true);
        }

        void up(String channel) {
            down.remove(channel);
        }

        @Override
        public PostAttempt post(String channel, String message) {
            calls.add(scheduler.elapsed().toSeconds() + "s " + channel + " " + message);
            if (down.containsKey(channel)) {
                return PostAttempt.unavailable("HTTP 503");
            }
            Supplier<PostAttempt> next =
                    scripts.getOrDefault(channel, new ArrayDeque<>()).poll();
            return next == null ? PostAttempt.posted() : next.get();
        }
    }
}
