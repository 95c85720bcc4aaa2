package io.runbookbot.app;

import io.runbookbot.core.chat.SlowWork;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's own threads for model work, apart from the front ends' answer threads: a few threads
 * each and a short queue, and work beyond that is refused at once (the engine says so to the user)
 * instead of piling up behind a slow model.
 */
final class BotPools implements AutoCloseable {
    static final int INVESTIGATION_THREADS = 2;
    static final int INVESTIGATION_QUEUE = 4;
    static final int SUMMARY_THREADS = 2;
    static final int SUMMARY_QUEUE = 16;
    /** How much longer than one model call an answer waits for its summary. */
    static final Duration SUMMARY_GRACE = Duration.ofSeconds(1);

    private final ThreadPoolExecutor investigations =
            bounded("investigate", INVESTIGATION_THREADS, INVESTIGATION_QUEUE);
    private final ThreadPoolExecutor summaries = bounded("summarize", SUMMARY_THREADS, SUMMARY_QUEUE);
    private final SlowWork work;

    private BotPools(Duration modelTimeout) {
        this.work = new SlowWork(investigations, summaries, modelTimeout.plus(SUMMARY_GRACE));
    }

    /** @param modelTimeout the chat model's timeout, when one is configured */
    static BotPools open(Optional<Duration> modelTimeout) {
        return new BotPools(modelTimeout.orElse(Duration.ofSeconds(10)));
    }

    SlowWork work() {
        return work;
    }

    static ThreadPoolExecutor bounded(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Interrupts running model calls: nobody waits for their answers any more. */
    @Override
    public void close() {
        investigations.shutdownNow();
        summaries.shutdownNow();
    }
}
