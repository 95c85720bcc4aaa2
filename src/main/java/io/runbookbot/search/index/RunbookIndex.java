package io.runbookbot.search.index;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.markdown.Runbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

/**
 * An immutable, searchable snapshot of a runbook folder: one Lucene index of answer units and
 * one of whole runbooks, plus the units and runbooks themselves in ordinal order.
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

    RunbookIndex(Directory sectionDir, Directory runbookDir, List<RunbookSection> units, List<Runbook> runbooks)
            throws IOException {
        this.sectionDir = sectionDir;
        this.runbookDir = runbookDir;
        this.sectionReader = DirectoryReader.open(sectionDir);
        this.runbookReader = DirectoryReader.open(runbookDir);
        this.units = List.copyOf(units);
        this.runbooks = List.copyOf(runbooks);
        this.sectionOrdinals = ordinals(sectionReader);
        this.runbookOrdinals = ordinals(runbookReader);
    }

    /** Global doc id to ordinal, read once so that ranking needs no doc-values lookups. */
    private static int[] ordinals(DirectoryReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(Fields.ORDINAL);
            for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc();
                 doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                out[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return out;
    }

    /** The answer unit of a section document. */
    public RunbookSection sectionAt(int docId) {
        return units.get(sectionOrdinals[docId]);
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

    public List<RunbookSection> units() {
        return units;
    }

    public List<Runbook> runbooks() {
        return runbooks;
    }

    @Override
    public void close() {
        try {
            IOUtils.close(sectionReader, runbookReader, sectionDir, runbookDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
