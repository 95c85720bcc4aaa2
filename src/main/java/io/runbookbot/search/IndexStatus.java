package io.runbookbot.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last reload of a {@link ReloadingRunbooks} gave.
 *
 * @param loadedAt  when the index being served was built
 * @param runbooks  runbooks in the index being served
 * @param sections  sections in the index being served
 * @param skipped   files skipped when it was built
 * @param succeeded reloads that swapped in a new index (the first load included)
 * @param failed    reloads that failed and kept the previous index
 * @param lastError the last failure's message, empty after a success
 * @param hybrid    true when the index being served has section vectors (hybrid retrieval)
 */
public record IndexStatus(
        Instant loadedAt,
        int runbooks,
        int sections,
        int skipped,
        long succeeded,
        long failed,
        Optional<String> lastError,
        boolean hybrid) {
    public IndexStatus {
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(lastError, "lastError");
    }

    public IndexStatus(
            Instant loadedAt,
            int runbooks,
            int sections,
            int skipped,
            long succeeded,
            long failed,
            Optional<String> lastError) {
        this(loadedAt, runbooks, sections, skipped, succeeded, failed, lastError, false);
    }

    IndexStatus hybrid(boolean now) {
        return new IndexStatus(loadedAt, runbooks, sections, skipped, succeeded, failed, lastError, now);
    }
}
