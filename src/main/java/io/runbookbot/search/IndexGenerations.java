package io.runbookbot.search;

import java.io.IOException;
import org.apache.lucene.search.ReferenceManager;
import org.jspecify.annotations.Nullable;

/**
 * The index being served, swapped with Lucene's {@link ReferenceManager}: a search acquires the
 * current index and releases it when done, and an index that was swapped out is closed (its
 * folders deleted) when its last search releases it. The reference counts are the section
 * reader's own.
 */
final class IndexGenerations extends ReferenceManager<IndexedRunbooks> {
    private final Object swapping = new Object();
    private @Nullable IndexedRunbooks next;

    IndexGenerations(IndexedRunbooks first) {
        current = first;
    }

    /**
     * Serves {@code fresh} from now on; this manager owns it. If the manager is closed meanwhile,
     * {@code fresh} is closed instead.
     */
    void swap(IndexedRunbooks fresh) throws IOException {
        synchronized (swapping) {
            next = fresh;
            try {
                maybeRefreshBlocking();
            } finally {
                if (next != null) {
                    next = null;
                    fresh.close();
                }
            }
        }
    }

    /** True while {@code index} is the one new searches get. */
    boolean serves(IndexedRunbooks index) {
        return current == index;
    }

    @Override
    protected @Nullable IndexedRunbooks refreshIfNeeded(IndexedRunbooks referenceToRefresh) {
        IndexedRunbooks fresh = next;
        next = null;
        return fresh;
    }

    @Override
    protected boolean tryIncRef(IndexedRunbooks reference) {
        return reference.tryIncRef();
    }

    @Override
    protected void decRef(IndexedRunbooks reference) {
        reference.decRef();
    }

    @Override
    protected int getRefCount(IndexedRunbooks reference) {
        return reference.refCount();
    }
}
