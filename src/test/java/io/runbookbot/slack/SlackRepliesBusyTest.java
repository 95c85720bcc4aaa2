package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Slack answer that finds every answer thread busy and the queue full is told so, not dropped. */
class SlackRepliesBusyTest {
    private final CountDownLatch hold = new CountDownLatch(1);
    private final ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        hold.countDown();
        full.shutdownNow();
    }

    @Test
    void anAnswerRefusedByTheFullPoolSendsTheBusySentenceInstead() {
        full.execute(() -> {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        SlackReplies.answer(
                full, "test answer", () -> CompletableFuture.completedFuture("the answer"), sent::add, sent::add);

        assertThat(sent).containsExactly(SlackReplies.BUSY);
    }

    @Test
    void aReplyCompletedLaterIsDeliveredOnceThroughTheDelivery() throws Exception {
        ThreadPoolExecutor free = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        CompletableFuture<String> later = new CompletableFuture<>();
        try {
            SlackReplies.answer(free, "test answer", () -> later, sent::add, sent::add);
            later.complete("the answer");
            free.shutdown();
            assertThat(free.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            free.shutdownNow();
        }
        assertThat(sent).containsExactly("the answer");
    }
}
