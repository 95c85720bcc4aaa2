package io.runbookbot.search;

import io.runbookbot.core.SectionHit;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The share of a question each candidate's runbook covers: the question's known terms, each
 * weighted by how rare it is across runbooks (IDF), that the runbook's title or text contains. BM25
 * adds up what matches, so many ordinary words can outscore the one rare word that names the
 * product; this share is what the ranking multiplies by ({@link Ranking#coverage()}) to let a
 * runbook that never mentions that word fall behind. Only the candidates' runbooks are read, by
 * walking each term's postings once ({@link QueryCoverage}'s per-document lookup costs 1 ms more
 * per question here).
 */
final class RunbookShares {
    private static final List<String> FIELDS = List.of(Fields.BODY, Fields.TITLE);

    private final RunbookIndex index;

    RunbookShares(RunbookIndex index) {
        this.index = index;
    }

    /** Share in [0, 1] by runbook file, for the runbooks of {@code hits}. */
    Map<String, Double> of(QueryTerms query, List<SectionHit> hits) throws IOException {
        IndexReader reader = index.runbookSearcher().getIndexReader();
        TreeSet<Integer> docs = docs(hits);
        double[] held = new double[reader.maxDoc()];
        double total = 0;
        TermEnums enums = new TermEnums(reader, FIELDS);
        for (String t : query.terms()) {
            if (!QueryTerms.known(reader, t)) {
                continue; // no evidence either way
            }
            double idf = QueryCoverage.idf(reader, t);
            total += idf;
            for (int doc : holding(reader, enums, t, docs)) {
                held[doc] += idf;
            }
        }
        Map<String, Double> shares = new HashMap<>();
        for (int doc : docs) {
            shares.put(index.runbookAt(doc).file(), total == 0 ? 0 : Math.min(1.0, held[doc] / total));
        }
        return shares;
    }

    /**
     * The files among the runbooks of {@code hits} that never mention {@code term}; none when none
     * of them does (then the term tells them apart no more than it tells them from the rest).
     */
    Set<String> lacking(String term, List<SectionHit> hits) throws IOException {
        IndexReader reader = index.runbookSearcher().getIndexReader();
        TreeSet<Integer> docs = docs(hits);
        TreeSet<Integer> holding = holding(reader, new TermEnums(reader, FIELDS), term, docs);
        Set<String> out = new HashSet<>();
        if (!holding.isEmpty()) {
            docs.removeAll(holding);
            docs.forEach(doc -> out.add(index.runbookAt(doc).file()));
        }
        return out;
    }

    private TreeSet<Integer> docs(List<SectionHit> hits) {
        TreeSet<Integer> docs = new TreeSet<>();
        for (SectionHit h : hits) {
            int doc = index.runbookDoc(h.section().file());
            if (doc >= 0) {
                docs.add(doc);
            }
        }
        return docs;
    }

    /** Those of {@code docs} (ascending) whose title or text holds {@code term}. */
    private static TreeSet<Integer> holding(IndexReader reader, TermEnums enums, String term, TreeSet<Integer> docs)
            throws IOException {
        TreeSet<Integer> out = new TreeSet<>();
        BytesRef bytes = new BytesRef(term);
        for (LeafReaderContext leaf : reader.leaves()) {
            for (int field = 0; field < enums.fields(); field++) {
                PostingsEnum postings = enums.postings(leaf, field, bytes);
                if (postings == null) {
                    continue;
                }
                int end = leaf.docBase + leaf.reader().maxDoc();
                for (int doc : docs.subSet(leaf.docBase, end)) {
                    int at = postings.docID() >= doc - leaf.docBase
                            ? postings.docID()
                            : postings.advance(doc - leaf.docBase);
                    if (at == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (at == doc - leaf.docBase) {
                        out.add(doc);
                    }
                }
            }
        }
        return out;
    }
}
