package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * How much of a question a runbook covers: the share of the question's terms, weighted by how
 * rare they are across runbooks (IDF), that the answer's runbook contains. A question about a
 * product no runbook mentions ("ClickHouse", "APNs") leaves its rarest terms uncovered.
 */
final class QueryCoverage {
    private final IndexSearcher searcher;

    QueryCoverage(RunbookIndex index) {
        this.searcher = index.runbookSearcher();
    }

    double of(QueryTerms query, RunbookSection best) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int runbookDoc = runbookDoc(searcher, best.file());
        double total = 0;
        double covered = 0;
        for (String t : query.terms()) {
            if (!QueryTerms.known(reader, t) && !query.unknown().contains(t)) {
                continue; // a number, host name or id no runbook mentions: no evidence either way
            }
            double idf = idf(reader, t);
            total += idf;
            if (runbookDoc >= 0 && contains(reader, runbookDoc, t)) {
                covered += idf;
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private static double idf(IndexReader reader, String term) throws IOException {
        int df = Math.max(reader.docFreq(new Term(Fields.BODY, term)), reader.docFreq(new Term(Fields.TITLE, term)));
        int n = reader.numDocs();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static int runbookDoc(IndexSearcher searcher, String file) throws IOException {
        var top = searcher.search(new TermQuery(new Term(Fields.FILE, file)), 1).scoreDocs;
        return top.length == 0 ? -1 : top[0].doc;
    }

    private static boolean contains(IndexReader reader, int doc, String term) throws IOException {
        for (String field : List.of(Fields.BODY, Fields.TITLE)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                int local = doc - leaf.docBase;
                if (local < 0 || local >= leaf.reader().maxDoc()) {
                    continue;
                }
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (te.seekExact(new BytesRef(term))) {
                    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                    if (postings.advance(local) == local && local != DocIdSetIterator.NO_MORE_DOCS) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
