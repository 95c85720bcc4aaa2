package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.embed.EmbeddingException;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runbook folder, loaded, indexed and ready to answer. Owns its index; close it when done.
 *
 * <p>With {@link Embeddings}, the index also holds one vector per section and answers with hybrid
 * ranking. An index whose vectors are not all at hand yet (first start, Ollama down) is built
 * keyword-only and says so in every answer's notices; {@link #withVectors()} makes the hybrid one.
 */
public final class IndexedRunbooks implements RunbookSearch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedRunbooks.class);
    static final String EMBEDDING_PENDING =
            "Keyword search only: semantic search is not ready (the runbooks are being embedded, or Ollama is unavailable).";

    private final LoadResult loaded;
    private final Ranking ranking;
    private final List<RunbookSection> units;
    private final RunbookIndex index;
    private final LuceneRunbookSearch search;
    private final Optional<Embeddings> embeddings;

    private IndexedRunbooks(
            LoadResult loaded,
            Ranking ranking,
            List<RunbookSection> units,
            List<float[]> vectors,
            Optional<Embeddings> embeddings) {
        this.loaded = loaded;
        this.ranking = ranking;
        this.units = units;
        this.embeddings = embeddings;
        this.index = RunbookIndexer.build(loaded.runbooks(), units, vectors);
        this.search =
                new LuceneRunbookSearch(index, ranking, embeddings.map(Embeddings::questions), HybridFusion.DEFAULT);
    }

    /** Loads and indexes every runbook under {@code dir}; broken files are skipped and logged. */
    public static IndexedRunbooks open(Path dir) {
        return of(new RunbookLoader().load(dir), Ranking.DEFAULT);
    }

    /**
     * Loads and indexes {@code dir}, hybrid when every section's vector is cached or, with
     * {@code waitForVectors}, can be embedded now; otherwise keyword-only (see {@link #needsVectors()}).
     */
    public static IndexedRunbooks open(Path dir, Optional<Embeddings> embeddings, boolean waitForVectors) {
        return open(dir, new RunbookLoader(), embeddings, waitForVectors);
    }

    /** As {@link #open(Path, Optional, boolean)}, loading the files with {@code loader} (its size cap). */
    public static IndexedRunbooks open(
            Path dir, RunbookLoader loader, Optional<Embeddings> embeddings, boolean waitForVectors) {
        return of(loader.load(dir), Ranking.DEFAULT, embeddings, waitForVectors);
    }

    public static IndexedRunbooks of(LoadResult loaded, Ranking ranking) {
        return of(loaded, ranking, Optional.empty(), false);
    }

    public static IndexedRunbooks of(
            LoadResult loaded, Ranking ranking, Optional<Embeddings> embeddings, boolean waitForVectors) {
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        List<float[]> vectors =
                embeddings.map(e -> vectors(e, units, waitForVectors)).orElse(List.of());
        IndexedRunbooks indexed = new IndexedRunbooks(loaded, ranking, units, vectors, embeddings);
        LOG.info(
                "Indexed {} runbooks ({} sections{}); {} empty, {} skipped",
                loaded.runbooks().size(),
                units.size(),
                vectors.isEmpty()
                        ? ""
                        : ", vectors of " + embeddings.orElseThrow().model(),
                loaded.empty(),
                loaded.skipped().size());
        return indexed;
    }

    private static List<float[]> vectors(Embeddings e, List<RunbookSection> units, boolean wait) {
        Optional<List<float[]>> cached = e.sections().cached(units);
        if (cached.isPresent() || !wait) {
            return cached.orElse(List.of());
        }
        try {
            return e.sections().all(units);
        } catch (EmbeddingException ex) {
            LOG.warn("Keyword search only: cannot embed the runbooks ({})", ex.getMessage());
            return List.of();
        }
    }

    /** True when embeddings are configured but this index has no vectors yet. */
    public boolean needsVectors() {
        return embeddings.isPresent() && index.vectorDimension() == 0 && !units.isEmpty();
    }

    /**
     * The same runbooks indexed with vectors (embedding what the cache lacks; slow the first time).
     *
     * @throws EmbeddingException when the model fails; this index stays usable
     */
    public IndexedRunbooks withVectors() {
        Embeddings e = embeddings.orElseThrow(() -> new IllegalStateException("no embeddings configured"));
        long start = System.nanoTime();
        List<float[]> vectors = e.sections().all(units);
        IndexedRunbooks hybrid = new IndexedRunbooks(loaded, ranking, units, vectors, embeddings);
        LOG.info(
                "Hybrid index ready: {} sections with {} vectors ({} dimensions) in {} ms",
                units.size(),
                e.model(),
                vectors.isEmpty() ? 0 : vectors.get(0).length,
                (System.nanoTime() - start) / 1_000_000);
        return hybrid;
    }

    @Override
    public Answer ask(String question, int topN) {
        Answer answer = search.ask(question, topN);
        return needsVectors() ? answer.withNotice(EMBEDDING_PENDING) : answer;
    }

    /**
     * The same index ranked by keywords alone, without the question embedder: evaluations compare it
     * with hybrid answers without indexing the runbooks twice.
     */
    public RunbookSearch keywordSearch() {
        return new LuceneRunbookSearch(index, ranking);
    }

    /** The search behind {@link #ask} (its ranking and evidence are package-private; the tuners read them). */
    LuceneRunbookSearch search() {
        return search;
    }

    /** True when answers use hybrid ranking. */
    public boolean hybrid() {
        return index.vectorDimension() > 0 && embeddings.isPresent();
    }

    public List<Runbook> runbooks() {
        return loaded.runbooks();
    }

    public LoadResult loadResult() {
        return loaded;
    }

    public int sectionCount() {
        return units.size();
    }

    /** Takes one more reference for a search, unless the index is closed (then false). */
    boolean tryIncRef() {
        return index.tryIncRef();
    }

    /** Releases a reference; the last one closes the index and deletes its folders. */
    void decRef() {
        index.decRef();
    }

    int refCount() {
        return index.refCount();
    }

    /** Releases the owner's reference: the index closes once no search holds it. */
    @Override
    public void close() {
        index.close();
    }
}
