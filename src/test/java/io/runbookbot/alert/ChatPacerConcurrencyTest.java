package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pacer on real threads: messages handed in from several threads at once reach each channel
 * exactly once, in the order the channel's queue took them, one call at a time per channel, spaced
 * by the interval.
 */
class ChatPacerConcurrencyTest {
    private static final Duration INTERVAL = Duration.ofMillis(20);
    /** The pacer spaces attempts from the clock reading just before each call; a thread may pause after it. */
    private static final Duration JITTER = Duration.ofMillis(5);

    @Test
    void submittersOnManyThreadsGetEachMessagePostedOnceInQueueOrderAndPaced() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3);
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        Map<String, List<String>> posted = new ConcurrentHashMap<>();
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ChannelPoster<String> poster = (channel, message) -> {
            if (inFlight.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            posted.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(message);
            times.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            inFlight.get(channel).decrementAndGet();
            return PostAttempt.posted();
        };
        PacerSettings settings =
                new PacerSettings(INTERVAL, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5), 1000);
        ChatPacer<String> pacer =
                new ChatPacer<>(poster, DelayScheduler.of(timers, Clock.systemUTC()), settings, "test");
        List<CompletableFuture<Delivery>> deliveries = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                submitters.execute(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < 50; i++) {
                        deliveries.add(pacer.submit("C" + (i % 5), "t" + thread + "-" + i));
                    }
                });
            }
            start.countDown();
            submitters.shutdown();
            assertThat(submitters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                    .get(20, TimeUnit.SECONDS);
        } finally {
            timers.shutdownNow();
        }

        assertThat(deliveries)
                .hasSize(200)
                .allSatisfy(d -> assertThat(d.join().posted()).isTrue());
        assertThat(overlaps).hasValue(0);
        for (int c = 0; c < 5; c++) {
            List<String> channel = posted.get("C" + c);
            assertThat(channel).hasSize(40).doesNotHaveDuplicates();
            for (int thread = 0; thread < 4; thread++) {
                String prefix = "t" + thread + "-";
                List<String> fromThread = new ArrayList<>(
                        channel.stream().filter(m -> m.startsWith(prefix)).toList());
                assertThat(fromThread)
                        .as("one submitter's messages keep their order")
                        .isSortedAccordingTo((a, b) -> Integer.compare(index(a), index(b)));
            }
            // exact spacing is ChatPacerTest's (fake clock); on a real, shared machine one gap can look short
            // when a poster thread pauses before reading the time, but the channel's span cannot
            List<Long> at = times.get("C" + c);
            assertThat(at.get(at.size() - 1) - at.get(0))
                    .isGreaterThanOrEqualTo((at.size() - 1) * INTERVAL.toNanos() - JITTER.toNanos());
        }
    }

    private static int index(String message) {
        return Integer.parseInt(message.substring(message.indexOf('-') + 1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
