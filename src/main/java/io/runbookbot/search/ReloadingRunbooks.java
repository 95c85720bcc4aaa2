package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.search.embed.EmbeddingException;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current index of a runbook folder, swapped atomically when the folder changes. Queries
 * always run against one complete index; an index that was swapped out is closed only when the
 * last query using it has finished (Lucene's {@link org.apache.lucene.search.ReferenceManager},
 * see {@link IndexGenerations}). A reload that fails as a whole (folder
 * gone or unreadable) keeps the previous index; broken files are skipped by the loader. Reloads
 * run one at a time on a background thread: requests made during a reload coalesce into one more
 * run after it. With embeddings configured, a new index whose vectors are not all cached starts
 * keyword-only and is replaced by its hybrid twin once the sections are embedded, in the background
 * (retried every minute while Ollama fails): start-up and re-indexing never wait on Ollama.
 * Thread-safe.
 */
public final class ReloadingRunbooks implements RunbookSearch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingRunbooks.class);

    static final Duration VECTOR_RETRY = Duration.ofMinutes(1);

    private final Path dir;
    private final Function<Path, IndexedRunbooks> opener;
    private final Clock clock;
    private final IndexGenerations generations;
    private final boolean backgroundVectors;
    private final ScheduledExecutorService reloader = reloaderThread();
    private final Object lock = new Object();
    private final Object swapLock = new Object();
    private volatile IndexStatus status;
    private volatile boolean closed;
    private @Nullable CompletableFuture<IndexStatus> queued;

    ReloadingRunbooks(Path dir, Function<Path, IndexedRunbooks> opener, Clock clock) {
        this(dir, opener, clock, true);
    }

    /** @param backgroundVectors a keyword-only index is replaced by its hybrid twin in the background */
    private ReloadingRunbooks(
            Path dir, Function<Path, IndexedRunbooks> opener, Clock clock, boolean backgroundVectors) {
        this.dir = dir;
        this.opener = opener;
        this.clock = clock;
        this.backgroundVectors = backgroundVectors;
        IndexedRunbooks first = opener.apply(dir);
        this.generations = new IndexGenerations(first);
        this.status = new IndexStatus(
                clock.instant(),
                first.runbooks().size(),
                first.sectionCount(),
                first.loadResult().skipped().size(),
                1,
                0,
                Optional.empty(),
                first.hybrid());
        upgradeLater(first, Duration.ZERO);
    }

    /** Loads and indexes {@code dir} now (a missing or unreadable folder: {@link UserFacingException}). */
    public static ReloadingRunbooks open(Path dir) {
        return open(dir, Optional.empty());
    }

    /**
     * Loads and indexes {@code dir} now, keyword-only unless every vector is cached; the hybrid
     * index follows in the background.
     *
     * @throws UserFacingException when the folder is missing or unreadable
     */
    public static ReloadingRunbooks open(Path dir, Optional<Embeddings> embeddings) {
        return open(dir, embeddings, new RunbookLoader());
    }

    /** As {@link #open(Path, Optional)}, loading the files with {@code loader} (its size cap). */
    public static ReloadingRunbooks open(Path dir, Optional<Embeddings> embeddings, RunbookLoader loader) {
        return open(dir, embeddings, loader, false);
    }

    /**
     * As {@link #open(Path, Optional, RunbookLoader)}; with {@code waitForVectors} every index is
     * embedded before it is served (for a one-shot command, which has no background to wait in).
     */
    public static ReloadingRunbooks open(
            Path dir, Optional<Embeddings> embeddings, RunbookLoader loader, boolean waitForVectors) {
        Objects.requireNonNull(loader, "loader");
        return new ReloadingRunbooks(
                Objects.requireNonNull(dir, "dir"),
                d -> IndexedRunbooks.open(d, loader, embeddings, waitForVectors),
                Clock.systemUTC(),
                !waitForVectors);
    }

    @Override
    public Answer ask(String question, int topN) {
        return withIndex(index -> index.ask(question, topN));
    }

    /** The runbooks of the index being served now, parsed (for alert to runbook mapping). */
    public java.util.List<io.runbookbot.search.markdown.Runbook> runbooks() {
        return withIndex(IndexedRunbooks::runbooks);
    }

    /** Uses the index served now, which a reload cannot close meanwhile. */
    private <T> T withIndex(Function<IndexedRunbooks, T> use) {
        try {
            IndexedRunbooks index = generations.acquire();
            try {
                return use.apply(index);
            } finally {
                generations.release(index);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder being served. */
    public Path dir() {
        return dir;
    }

    public IndexStatus status() {
        return status;
    }

    /**
     * Asks for a reload in the background. Returns the status after a reload that starts after
     * this call; requests made while one is queued share it.
     */
    public CompletableFuture<IndexStatus> requestReload() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.completedFuture(status);
            }
            if (queued == null) {
                CompletableFuture<IndexStatus> next = new CompletableFuture<>();
                queued = next;
                reloader.execute(this::runQueued);
            }
            return queued;
        }
    }

    /** Rebuilds the index on the calling thread and swaps it in; on failure keeps the old one. */
    public IndexStatus reloadNow() {
        synchronized (swapLock) {
            if (closed) {
                return status;
            }
            IndexStatus before = status;
            try {
                IndexedRunbooks fresh = opener.apply(dir);
                status = new IndexStatus(
                        clock.instant(),
                        fresh.runbooks().size(),
                        fresh.sectionCount(),
                        fresh.loadResult().skipped().size(),
                        before.succeeded() + 1,
                        before.failed(),
                        Optional.empty(),
                        fresh.hybrid());
                generations.swap(fresh);
                upgradeLater(fresh, Duration.ZERO);
            } catch (UserFacingException e) {
                failed(before, e.getMessage());
                LOG.error(
                        "Re-index of {} failed, still serving the previous index ({} sections): {}",
                        dir,
                        before.sections(),
                        e.getMessage());
            } catch (RuntimeException | IOException e) {
                failed(before, e.toString());
                LOG.error(
                        "Re-index of {} failed, still serving the previous index ({} sections)",
                        dir,
                        before.sections(),
                        e);
            }
            return status;
        }
    }

    /** One daemon thread; delayed retries are dropped at shutdown, a running reload finishes. */
    private static ScheduledExecutorService reloaderThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "runbook-reload");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private void upgradeLater(IndexedRunbooks index, Duration delay) {
        if (!backgroundVectors || !index.needsVectors()) {
            return;
        }
        synchronized (lock) {
            if (!closed) {
                reloader.schedule(() -> upgrade(index), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Replaces a keyword-only index by its hybrid twin, unless a newer index replaced it meanwhile. */
    private void upgrade(IndexedRunbooks keywordOnly) {
        if (closed || !generations.serves(keywordOnly)) {
            return;
        }
        IndexedRunbooks hybrid;
        try {
            hybrid = keywordOnly.withVectors();
        } catch (EmbeddingException e) {
            LOG.warn(
                    "Keyword search only for now: cannot embed the runbooks ({}); retrying in {} s",
                    e.getMessage(),
                    VECTOR_RETRY.toSeconds());
            upgradeLater(keywordOnly, VECTOR_RETRY);
            return;
        } catch (RuntimeException e) {
            LOG.error("Building the hybrid index failed; keyword search goes on", e);
            return;
        }
        synchronized (swapLock) {
            if (closed || !generations.serves(keywordOnly)) {
                hybrid.close();
                return;
            }
            try {
                generations.swap(hybrid);
            } catch (IOException e) {
                LOG.error("Swapping in the hybrid index failed; keyword search goes on", e);
                return;
            }
            status = status.hybrid(true);
        }
    }

    private void failed(IndexStatus before, String message) {
        status = new IndexStatus(
                before.loadedAt(),
                before.runbooks(),
                before.sections(),
                before.skipped(),
                before.succeeded(),
                before.failed() + 1,
                Optional.of(message),
                before.hybrid());
    }

    private void runQueued() {
        CompletableFuture<IndexStatus> mine;
        synchronized (lock) {
            mine = Objects.requireNonNull(queued);
            queued = null;
        }
        mine.complete(reloadNow());
    }

    /** Waits for a running reload, then closes the index once its last query finishes. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            reloader.shutdown();
        }
        try {
            reloader.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (swapLock) {
            try {
                generations.close();
            } catch (IOException e) {
                LOG.warn("Closing the runbook index failed", e);
            }
        }
    }
}
