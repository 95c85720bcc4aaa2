package io.runbookbot.search.index;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.markdown.Runbook;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Turns answer units and runbooks into Lucene documents. */
final class SectionDocuments {

    private SectionDocuments() {
    }

    static Document section(int ordinal, RunbookSection unit) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal));
        doc.add(new StringField(Fields.FILE, unit.file(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE, titleText(unit.title(), unit.file()), Field.Store.NO));
        List<String> ancestors = unit.path().subList(0, Math.max(0, unit.path().size() - 1));
        doc.add(new TextField(Fields.PATH, String.join("\n", ancestors), Field.Store.NO));
        doc.add(new TextField(Fields.HEADING, unit.heading(), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, bodyOf(unit.text()), Field.Store.NO));
        return doc;
    }

    static Document runbook(int ordinal, Runbook runbook) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal));
        doc.add(new StringField(Fields.FILE, runbook.file(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE, titleText(runbook.title(), runbook.file()), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, String.join("\n", runbook.lines()), Field.Store.NO));
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
