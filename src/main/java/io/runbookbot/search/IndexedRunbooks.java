package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A runbook folder, loaded, indexed and ready to answer. Owns its index; close it when done. */
public final class IndexedRunbooks implements RunbookSearch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedRunbooks.class);

    private final LoadResult loaded;
    private final RunbookIndex index;
    private final LuceneRunbookSearch search;

    private IndexedRunbooks(LoadResult loaded, Ranking ranking) {
        this.loaded = loaded;
        this.index = RunbookIndexer.build(loaded.runbooks());
        this.search = new LuceneRunbookSearch(index, ranking);
    }

    /** Loads and indexes every runbook under {@code dir}; broken files are skipped and logged. */
    public static IndexedRunbooks open(Path dir) {
        return of(new RunbookLoader().load(dir), Ranking.DEFAULT);
    }

    public static IndexedRunbooks of(LoadResult loaded, Ranking ranking) {
        IndexedRunbooks indexed = new IndexedRunbooks(loaded, ranking);
        LOG.info("Indexed {} runbooks ({} sections); {} empty, {} skipped", loaded.runbooks().size(),
                indexed.index.units().size(), loaded.empty(), loaded.skipped().size());
        return indexed;
    }

    @Override
    public Answer ask(String question, int topN) {
        return search.ask(question, topN);
    }

    public List<Runbook> runbooks() {
        return loaded.runbooks();
    }

    public LoadResult loadResult() {
        return loaded;
    }

    public int sectionCount() {
        return index.units().size();
    }

    @Override
    public void close() {
        index.close();
    }
}
