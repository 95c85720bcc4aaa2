package io.runbookbot.search.index;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.markdown.Runbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * An immutable, searchable snapshot of a runbook folder: one Lucene index of answer units and
 * one of whole runbooks, plus the units and runbooks themselves in ordinal order. Its life is the
 * section reader's, reference-counted by Lucene: when the last reference is released, the other
 * reader and both folders are closed with it.
 */
public final class RunbookIndex implements AutoCloseable {
    private final Directory sectionDir;
    private final Directory runbookDir;
    private final DirectoryReader sectionReader;
    private final DirectoryReader runbookReader;
    private final List<RunbookSection> units;
    private final List<Runbook> runbooks;
    private final int[] sectionOrdinals;
    private final int[] runbookOrdinals;
    private final int vectorDimension;
    private final Map<RunbookSection, Integer> docIds = new IdentityHashMap<>();
    private final Map<String, Integer> runbookDocs = new java.util.HashMap<>();

    RunbookIndex(
            Directory sectionDir,
            Directory runbookDir,
            List<RunbookSection> units,
            List<Runbook> runbooks,
            int vectorDimension)
            throws IOException {
        this.vectorDimension = vectorDimension;
        this.sectionDir = sectionDir;
        this.runbookDir = runbookDir;
        this.sectionReader = DirectoryReader.open(sectionDir);
        this.runbookReader = DirectoryReader.open(runbookDir);
        this.sectionReader
                .getReaderCacheHelper()
                .addClosedListener(key -> IOUtils.close(runbookReader, sectionDir, runbookDir));
        this.units = List.copyOf(units);
        this.runbooks = List.copyOf(runbooks);
        this.sectionOrdinals = ordinals(sectionReader);
        this.runbookOrdinals = ordinals(runbookReader);
        for (int doc = 0; doc < sectionOrdinals.length; doc++) {
            docIds.put(this.units.get(sectionOrdinals[doc]), doc);
        }
        for (int doc = 0; doc < runbookOrdinals.length; doc++) {
            runbookDocs.put(this.runbooks.get(runbookOrdinals[doc]).file(), doc);
        }
    }

    /** Global doc id to ordinal, read once so that ranking needs no doc-values lookups. */
    private static int[] ordinals(DirectoryReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(Fields.ORDINAL);
            for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = values.nextDoc()) {
                out[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return out;
    }

    /**
     * The similarity of each section's stored vector to {@code query}, as Lucene scores cosine
     * ({@code (1 + cos) / 2}); sections without a vector are left out. Exact, read from the index.
     */
    public Map<RunbookSection, Float> similarities(Collection<RunbookSection> sections, float[] query) {
        Map<RunbookSection, Float> out = new IdentityHashMap<>();
        int[] docs = sections.stream()
                .mapToInt(s -> docIds.getOrDefault(s, -1))
                .filter(d -> d >= 0)
                .sorted()
                .toArray();
        try {
            for (LeafReaderContext leaf : sectionReader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                if (values == null) {
                    continue;
                }
                for (int doc : docs) {
                    int local = doc - leaf.docBase;
                    if (local < 0 || local >= leaf.reader().maxDoc() || values.docID() > local) {
                        continue;
                    }
                    if (values.advance(local) == local) {
                        out.put(sectionAt(doc), VectorSimilarityFunction.COSINE.compare(query, values.vectorValue()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The answer unit of a section document. */
    public RunbookSection sectionAt(int docId) {
        return units.get(sectionOrdinals[docId]);
    }

    /** The document of an answer unit of this index, or -1 for a section from elsewhere. */
    public int sectionDoc(RunbookSection section) {
        return docIds.getOrDefault(section, -1);
    }

    /** The runbook document of a runbook file of this index, or -1. */
    public int runbookDoc(String file) {
        return runbookDocs.getOrDefault(file, -1);
    }

    /** The runbook of a runbook document. */
    public Runbook runbookAt(int docId) {
        return runbooks.get(runbookOrdinals[docId]);
    }

    /** A new searcher over the sections (searchers are cheap; keep one per user of the index). */
    public IndexSearcher sectionSearcher() {
        return new IndexSearcher(sectionReader);
    }

    /** A new searcher over whole runbooks. */
    public IndexSearcher runbookSearcher() {
        return new IndexSearcher(runbookReader);
    }

    /** The dimension of the section vectors; 0 for a keyword-only index. */
    public int vectorDimension() {
        return vectorDimension;
    }

    public List<RunbookSection> units() {
        return units;
    }

    public List<Runbook> runbooks() {
        return runbooks;
    }

    /** Takes one more reference, unless the index is already closed (then false). */
    public boolean tryIncRef() {
        return sectionReader.tryIncRef();
    }

    /** Releases a reference; the last one closes the index. */
    public void decRef() {
        try {
            sectionReader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The references held; 0 once closed. */
    public int refCount() {
        return sectionReader.getRefCount();
    }

    /** Releases the owner's reference (once; later calls do nothing): closes the index unless searches still hold it. */
    @Override
    public void close() {
        try {
            sectionReader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
