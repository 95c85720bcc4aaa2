package io.runbookbot.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Postings of one question's terms in some fields of a reader, with one term enumerator per
 * segment and field, reused from term to term: opening an enumerator allocates Lucene's whole
 * term-dictionary cursor, and ranking one question looks up each term in several fields. For one
 * question on one thread; a postings list is valid until the next lookup in the same segment and
 * field.
 */
final class TermEnums {
    private final IndexReader reader;
    private final List<String> fields;
    private final TermsEnum[][] enums;
    private final boolean[][] opened;
    private final PostingsEnum[][] reuse;

    TermEnums(IndexReader reader, List<String> fields) {
        this.reader = reader;
        this.fields = List.copyOf(fields);
        int leaves = reader.leaves().size();
        this.enums = new TermsEnum[leaves][fields.size()];
        this.opened = new boolean[leaves][fields.size()];
        this.reuse = new PostingsEnum[leaves][fields.size()];
    }

    int fields() {
        return fields.size();
    }

    /** The postings of {@code term} in field number {@code field} of {@code leaf}; null when it has none. */
    PostingsEnum postings(LeafReaderContext leaf, int field, BytesRef term) throws IOException {
        int l = leaf.ord;
        if (!opened[l][field]) {
            opened[l][field] = true;
            Terms terms = leaf.reader().terms(fields.get(field));
            enums[l][field] = terms == null ? null : terms.iterator();
        }
        TermsEnum te = enums[l][field];
        if (te == null || !te.seekExact(term)) {
            return null;
        }
        reuse[l][field] = te.postings(reuse[l][field], PostingsEnum.NONE);
        return reuse[l][field];
    }

    /** Whether document {@code doc} (of the whole reader) holds {@code term} in any of the fields. */
    boolean holds(int doc, BytesRef term) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        for (int f = 0; f < fields.size(); f++) {
            PostingsEnum postings = postings(leaf, f, term);
            if (postings != null && postings.advance(local) == local) {
                return true;
            }
        }
        return false;
    }
}
