package io.runbookbot.search.index;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.embed.Vectors;
import io.runbookbot.search.markdown.Runbook;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.jspecify.annotations.Nullable;

/** Turns answer units and runbooks into Lucene documents. */
final class SectionDocuments {
    /** Tokenized, with term frequencies but no positions: ranking is bag-of-words BM25. */
    private static final FieldType TEXT = textType();

    private SectionDocuments() {}

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static Field text(String name, String value) {
        return new Field(name, value, TEXT);
    }

    static Document section(int ordinal, RunbookSection unit, float @Nullable [] vector) {
        Document doc = new Document();
        if (vector != null && !Vectors.isZero(vector)) {
            doc.add(new KnnFloatVectorField(
                    Fields.VECTOR, Vectors.normalized(vector), VectorSimilarityFunction.COSINE));
        }
        doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal));
        doc.add(new StringField(Fields.FILE, unit.file(), Field.Store.NO));
        doc.add(text(Fields.TITLE, titleText(unit.title(), unit.file())));
        List<String> ancestors = unit.path().subList(0, Math.max(0, unit.path().size() - 1));
        doc.add(text(Fields.PATH, String.join("\n", ancestors)));
        doc.add(text(Fields.HEADING, unit.heading()));
        doc.add(text(Fields.BODY, bodyOf(unit.text())));
        return doc;
    }

    static Document runbook(int ordinal, Runbook runbook) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal));
        doc.add(new StringField(Fields.FILE, runbook.file(), Field.Store.NO));
        doc.add(text(Fields.TITLE, titleText(runbook.title(), runbook.file())));
        doc.add(text(Fields.BODY, String.join("\n", runbook.lines())));
        return doc;
    }

    /** The title and the words of the file path ("docs/gitaly/gitaly-latency.md"). */
    static String titleText(String title, String file) {
        String stem = file.replaceFirst("\\.[A-Za-z]+$", "");
        return title + "\n" + stem.replace('/', ' ').replace('_', ' ').replace('-', ' ');
    }

    /** The section text without its heading line. */
    private static String bodyOf(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? "" : text.substring(newline + 1);
    }
}
