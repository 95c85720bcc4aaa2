package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Remembered document frequencies: the reader's own figures, forgotten when the reader closes. */
class DocFrequenciesTest {
    @Test
    void givesTheReadersFiguresAndForgetsThemWhenTheReaderCloses() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (String text : new String[] {"disk full", "disk slow", "cert expired"}) {
                    Document doc = new Document();
                    doc.add(new TextField("body", text, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            int before = DocFrequencies.readers();
            DirectoryReader reader = DirectoryReader.open(dir);

            assertThat(DocFrequencies.of(reader, new Term("body", "disk"))).isEqualTo(2);
            assertThat(DocFrequencies.of(reader, new Term("body", "disk"))).isEqualTo(2);
            assertThat(DocFrequencies.of(reader, new Term("body", "cert"))).isEqualTo(1);
            assertThat(DocFrequencies.of(reader, new Term("body", "laptop"))).isZero();
            assertThat(DocFrequencies.readers()).isEqualTo(before + 1);

            reader.close();
            assertThat(DocFrequencies.readers()).isEqualTo(before);
        }
    }
}
