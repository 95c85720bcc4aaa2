package io.runbookbot.search.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.runbookbot.core.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds questions within a deadline. A failure (down, slow, garbage, wrong dimension) gives no
 * vector and a notice, never an exception, and pauses the embedder for a while so that the next
 * questions do not each wait for a dead server. Recent questions are remembered ("next match"
 * asks again). Thread-safe.
 */
public final class QueryEmbedder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryEmbedder.class);
    static final Duration PAUSE = Duration.ofSeconds(30);
    static final int REMEMBERED = 256;
    private static final String TIMED_OUT = "timed out";

    /** A question's vector, or why there is none. */
    public record Result(Optional<float[]> vector, Optional<String> notice) {
        public Result {
            Objects.requireNonNull(vector, "vector");
            Objects.requireNonNull(notice, "notice");
        }

        static Result of(float[] vector) {
            return new Result(Optional.of(vector), Optional.empty());
        }

        static Result none(String notice) {
            return new Result(Optional.empty(), Optional.of(notice));
        }
    }

    static final int MAX_CALLS = 8;
    private final Embedder embedder;
    private final Duration deadline;
    /**
     * At most {@link #MAX_CALLS} embedding calls at once (a call past its deadline may still hold a
     * thread); a question beyond that is answered by keyword search alone, never queued.
     */
    private final ExecutorService calls = new ThreadPoolExecutor(
            0,
            MAX_CALLS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "query-embedder");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.AbortPolicy());

    private final Cache<String, float[]> recent = Caffeine.newBuilder()
            .maximumSize(REMEMBERED)
            .executor(Runnable::run)
            .build();
    private final CircuitBreaker breaker;
    private volatile String lastNotice = "";

    public QueryEmbedder(Embedder embedder, Duration deadline) {
        this(embedder, deadline, PAUSE, Clock.systemUTC());
    }

    QueryEmbedder(Embedder embedder, Duration deadline, Duration pause, Clock clock) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.breaker = new CircuitBreaker(pause, clock);
    }

    public String model() {
        return embedder.model();
    }

    /** The question's vector, which must have {@code dimension} values to be comparable with the index. */
    public Result embed(String question, int dimension) {
        String text = EmbeddingTexts.question(embedder.model(), question);
        float[] known = recent.getIfPresent(text);
        if (known != null) {
            return Result.of(known);
        }
        if (!breaker.allows()) {
            return Result.none(lastNotice);
        }
        try {
            float[] v = call(text);
            if (v.length != dimension) {
                throw new EmbeddingException(embedder.model() + " answered " + v.length + " dimensions, the index has "
                        + dimension + " (model changed? re-index)");
            }
            recent.put(text, v);
            return Result.of(v);
        } catch (EmbeddingException e) {
            return failed(e.getMessage());
        }
    }

    /** How many question vectors are remembered now (after pending evictions). */
    long remembered() {
        recent.cleanUp();
        return recent.estimatedSize();
    }

    private float[] call(String text) {
        Future<List<float[]>> answer;
        try {
            answer = calls.submit(() -> embedder.embed(List.of(text)));
        } catch (RejectedExecutionException e) {
            throw new EmbeddingException("too many questions being embedded at once");
        }
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS).get(0);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new EmbeddingException(TIMED_OUT);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EmbeddingException ee
                    ? ee
                    : new EmbeddingException(OllamaEmbedder.reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted");
        }
    }

    private Result failed(String reason) {
        String why = reason.equals(TIMED_OUT)
                ? "no answer within " + DurationWords.of(deadline)
                : "error; details in the bot's log";
        lastNotice = "Keyword search only: semantic search is unavailable right now (" + embedder.model() + ": " + why
                + ").";
        if (breaker.trip()) {
            LOG.warn(
                    "Semantic search paused for {}: {}; keyword search answers alone",
                    DurationWords.of(breaker.cooldown()),
                    reason.equals(TIMED_OUT) ? why : reason);
        } else {
            LOG.debug("Question embedding failed again: {}", reason);
        }
        return Result.none(lastNotice);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
