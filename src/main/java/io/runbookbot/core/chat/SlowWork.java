package io.runbookbot.core.chat;

import io.runbookbot.core.Summary;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine runs model work (investigations, summaries): on executors of its own, so that a
 * slow model holds none of the front ends' answer threads. The executors are bounded; when one is
 * full the work is refused at once with a sentence the user sees, never queued without end.
 *
 * @param investigations runs {@code investigate}
 * @param summaries      runs the generated summaries shown above answers
 * @param summaryWait    how long an answer waits for its summary before it goes out without one
 */
public record SlowWork(Executor investigations, Executor summaries, Duration summaryWait) {
    private static final Logger LOG = LoggerFactory.getLogger(SlowWork.class);
    /** Runs everything on the caller's thread: for one-shot use and tests. */
    public static final SlowWork INLINE = new SlowWork(Runnable::run, Runnable::run, Duration.ofDays(1));

    static final String BUSY = "Too many investigations are running right now; try again in a minute, or ask the "
            + "runbooks directly: /runbook <symptom> (Discord: /runbook ask)";
    static final String SUMMARY_BUSY = "No generated summary this time: the chat model is busy.";

    public SlowWork {
        Objects.requireNonNull(investigations, "investigations");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(summaryWait, "summaryWait");
    }

    /** A summary, or why there is none. */
    record Summarized(Optional<Summary> summary, Optional<String> notice) {}

    /** Runs an investigation on its executor; a full executor gives {@link #BUSY}. */
    CompletableFuture<BotReply> investigate(Supplier<BotReply> investigation) {
        try {
            return CompletableFuture.supplyAsync(investigation, investigations);
        } catch (RejectedExecutionException e) {
            LOG.warn("Investigation refused: the investigation pool is full");
            return CompletableFuture.completedFuture(new BotReply.Text(BUSY));
        }
    }

    /**
     * A summary, made on its executor and waited for at most {@link #summaryWait}; a failure, a
     * timeout or a full executor gives an answer without one.
     */
    CompletableFuture<Summarized> summarize(Supplier<Optional<Summary>> summary) {
        try {
            return CompletableFuture.supplyAsync(summary, summaries)
                    .completeOnTimeout(Optional.empty(), summaryWait.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> {
                        LOG.warn("Summary failed; answering without one", cause(e));
                        return Optional.empty();
                    })
                    .thenApply(s -> new Summarized(s, Optional.empty()));
        } catch (RejectedExecutionException e) {
            LOG.warn("Summary skipped: the summary pool is full");
            return CompletableFuture.completedFuture(new Summarized(Optional.empty(), Optional.of(SUMMARY_BUSY)));
        }
    }

    /** The failure inside a future's {@link CompletionException}. */
    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
