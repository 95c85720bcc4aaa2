package io.runbookbot.search;

import io.runbookbot.search.index.Fields;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies, remembered per index reader. A question's terms are looked up many times
 * while it is ranked (whether a runbook knows them, how rare they are, for the coverage, the
 * runbook shares, the lead name and the smallest answer), and each lookup walks Lucene's term
 * dictionary. A reader never changes, so its figures are kept until it is closed (a re-index
 * opens a new one), at most {@link #MAX_TERMS} per reader so that hostile questions cannot grow it
 * without bound; past that, lookups are simply not remembered.
 */
final class DocFrequencies {
    static final int MAX_TERMS = 50_000;

    private static final Map<IndexReader.CacheKey, Map<Term, Integer>> BY_READER = new ConcurrentHashMap<>();

    private DocFrequencies() {}

    /** In how many runbooks (or sections) {@code term} occurs, by the text or the title, whichever says more. */
    static int inTextOrTitle(IndexReader reader, String term) throws IOException {
        return Math.max(of(reader, new Term(Fields.BODY, term)), of(reader, new Term(Fields.TITLE, term)));
    }

    static int of(IndexReader reader, Term term) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return reader.docFreq(term);
        }
        Map<Term, Integer> known = BY_READER.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(BY_READER::remove);
            return new ConcurrentHashMap<>();
        });
        Integer df = known.get(term);
        if (df == null) {
            df = reader.docFreq(term);
            if (known.size() < MAX_TERMS) {
                known.put(term, df);
            }
        }
        return df;
    }

    /** How many readers have figures kept (for tests: a closed reader's are dropped). */
    static int readers() {
        return BY_READER.size();
    }
}
