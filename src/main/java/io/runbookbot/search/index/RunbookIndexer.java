package io.runbookbot.search.index;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.markdown.Runbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

/** Builds a {@link RunbookIndex} in memory from parsed runbooks. */
public final class RunbookIndexer {
    private RunbookIndexer() {}

    /** A keyword-only index. */
    public static RunbookIndex build(List<Runbook> runbooks) {
        return build(runbooks, units(runbooks), List.of());
    }

    /** The answer units of the runbooks, in index order. */
    public static List<RunbookSection> units(List<Runbook> runbooks) {
        List<RunbookSection> units = new ArrayList<>();
        runbooks.forEach(r -> units.addAll(AnswerUnits.of(r)));
        return units;
    }

    /**
     * An index of {@code units} (from {@link #units}) with one vector per unit, or none at all.
     *
     * @param vectors empty for a keyword-only index, else as many as units, all of one dimension
     */
    public static RunbookIndex build(List<Runbook> runbooks, List<RunbookSection> units, List<float[]> vectors) {
        if (!vectors.isEmpty() && vectors.size() != units.size()) {
            throw new IllegalArgumentException(vectors.size() + " vectors for " + units.size() + " sections");
        }
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        try {
            Directory sections = write(
                    units.size(),
                    i -> SectionDocuments.section(i, units.get(i), vectors.isEmpty() ? null : vectors.get(i)));
            Directory files = write(runbooks.size(), i -> SectionDocuments.runbook(i, runbooks.get(i)));
            return new RunbookIndex(sections, files, units, runbooks, dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
    }

    private static Directory write(int count, java.util.function.IntFunction<Document> doc) throws IOException {
        Directory dir = TransientDirectory.create();
        Analyzer analyzer = RunbookAnalyzers.incidentEnglish();
        IndexWriterConfig config =
                new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256).setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            IntStream.range(0, count).parallel().forEach(i -> add(writer, doc.apply(i)));
        }
        return dir;
    }

    private static void add(IndexWriter writer, Document doc) {
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
