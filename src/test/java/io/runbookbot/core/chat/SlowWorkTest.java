package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summarizer;
import io.runbookbot.core.Summary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Model work on the engine's bounded executors: never queued without end, never holding an answer. */
class SlowWorkTest {
    private static final Caller ALICE = new Caller("test", "U1", List.of(), "C1");
    private static final RunbookSection SECTION = new RunbookSection(
            "disk.md",
            "Disk",
            "Disk full",
            List.of("Disk", "Disk full"),
            2,
            1,
            4,
            "## Disk full\n\nRun df -h.\n",
            List.of());
    private static final RunbookSearch SEARCH =
            (question, top) -> new Answer(question, true, List.of(new SectionHit(SECTION, 5.0)), Confidence.HIGH);

    private final CountDownLatch model = new CountDownLatch(1);
    /** One thread, no queue: the first job takes it until the model answers. */
    private final ThreadPoolExecutor pool =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));

    @AfterEach
    void stop() {
        model.countDown();
        pool.shutdownNow();
    }

    @Test
    void anInvestigationBeyondTheFullPoolIsRefusedAtOnceWithASentence() {
        Investigator slow = (caller, symptom) -> {
            awaitModel();
            throw new IllegalStateException("never reached in this test");
        };
        BotEngine engine = BotEngine.builder(() -> SEARCH)
                .investigator(Optional.of(slow))
                .slowWork(new SlowWork(pool, pool, Duration.ofSeconds(5)))
                .build();
        CompletableFuture<BotReply> running = engine.reply(ALICE, new BotRequest.Investigate("disk full"));
        CompletableFuture<BotReply> queued = engine.reply(ALICE, new BotRequest.Investigate("disk full again"));

        BotReply refused = engine.handle(ALICE, new BotRequest.Investigate("and again"));

        assertThat(refused).isEqualTo(new BotReply.Text(SlowWork.BUSY));
        assertThat(running).isNotDone();
        assertThat(queued).isNotDone();
    }

    @Test
    void anAnswerWaitsForItsSummaryAtMostTheSummaryWaitThenGoesOutWithoutOne() {
        Summarizer hanging = (question, section) -> {
            awaitModel();
            return Optional.of(new Summary("late", "m", true));
        };
        BotEngine engine = BotEngine.builder(() -> SEARCH)
                .summarizer(Optional.of(hanging))
                .slowWork(new SlowWork(pool, pool, Duration.ofMillis(200)))
                .build();

        long start = System.nanoTime();
        BotReply reply = engine.handle(ALICE, new BotRequest.Ask("disk full"));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(reply.accept(new Summaries())).isEqualTo(Optional.empty());
    }

    @Test
    void aSummaryBeyondTheFullPoolIsSkippedAndTheAnswerSaysSo() {
        Summarizer hanging = (question, section) -> {
            awaitModel();
            return Optional.empty();
        };
        BotEngine engine = BotEngine.builder(() -> SEARCH)
                .summarizer(Optional.of(hanging))
                .slowWork(new SlowWork(pool, pool, Duration.ofSeconds(30)))
                .build();
        engine.reply(ALICE, new BotRequest.Ask("disk full"));
        engine.reply(ALICE, new BotRequest.Ask("disk full again"));

        BotReply reply = engine.handle(ALICE, new BotRequest.Ask("disk full once more"));

        assertThat(reply.accept(new Summaries())).isEqualTo(Optional.empty());
        assertThat(reply.accept(new Notices())).containsExactly(SlowWork.SUMMARY_BUSY);
    }

    private void awaitModel() {
        try {
            model.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The summary of a section answer. */
    private static final class Summaries extends Only<Optional<Summary>> {
        @Override
        public Optional<Summary> section(BotReply.SectionAnswer answer) {
            return answer.summary();
        }
    }

    /** The notices of a section answer. */
    private static final class Notices extends Only<List<String>> {
        @Override
        public List<String> section(BotReply.SectionAnswer answer) {
            return answer.notices();
        }
    }

    /** A visitor that expects a section answer. */
    private abstract static class Only<R> implements BotReply.Visitor<R> {
        @Override
        public R noMatch(BotReply.NoMatch none) {
            throw new AssertionError(none);
        }

        @Override
        public R investigated(BotReply.Investigated investigated) {
            throw new AssertionError(investigated);
        }

        @Override
        public R diagnostic(BotReply.Diagnostic diagnostic) {
            throw new AssertionError(diagnostic);
        }

        @Override
        public R text(BotReply.Text text) {
            throw new AssertionError(text);
        }

        @Override
        public R diagnostics(BotReply.DiagnosticList list) {
            throw new AssertionError(list);
        }
    }
}
