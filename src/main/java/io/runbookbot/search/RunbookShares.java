package io.runbookbot.search;

import io.runbookbot.search.index.Fields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The share of a question each runbook covers: the question's known terms, each weighted by how
 * rare it is across runbooks (IDF), that the runbook's title or text contains. BM25 adds up what
 * matches, so many ordinary words can outscore the one rare word that names the product; this share
 * is what the ranking multiplies by to let a runbook that never mentions that word fall behind.
 */
final class RunbookShares {
    private final IndexSearcher runbooks;

    RunbookShares(IndexSearcher runbooks) {
        this.runbooks = runbooks;
    }

    /** Share in [0, 1] by runbook file, for the runbooks holding at least one term. */
    Map<String, Double> of(QueryTerms query, java.util.function.IntFunction<String> fileOf, int n)
            throws IOException {
        IndexReader reader = runbooks.getIndexReader();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        double total = 0;
        for (String t : query.terms()) {
            if (!QueryTerms.known(reader, t)) {
                continue; // no evidence either way
            }
            float idf = (float) idf(reader, t);
            total += idf;
            BooleanQuery either = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(Fields.TITLE, t)), BooleanClause.Occur.SHOULD).build();
            q.add(new BoostQuery(new ConstantScoreQuery(either), idf), BooleanClause.Occur.SHOULD);
        }
        Map<String, Double> shares = new HashMap<>();
        if (total == 0) {
            return shares;
        }
        for (ScoreDoc d : runbooks.search(q.build(), new TopScoreDocCollectorManager(n, n)).scoreDocs) {
            shares.put(fileOf.apply(d.doc), Math.min(1.0, d.score / total));
        }
        return shares;
    }

    static double idf(IndexReader reader, String term) throws IOException {
        int df = Math.max(reader.docFreq(new Term(Fields.BODY, term)), reader.docFreq(new Term(Fields.TITLE, term)));
        int n = reader.numDocs();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
