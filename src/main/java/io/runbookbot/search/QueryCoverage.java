package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * How much of a question an answer covers: the share of the question's terms, weighted by how
 * rare they are across runbooks (IDF), that the answer's runbook, and the shown section, contain.
 * A question about a product no runbook mentions ("ClickHouse", "APNs") leaves its rarest terms
 * uncovered; words of ordinary English no runbook uses ("laptop") are no evidence either way.
 */
final class QueryCoverage {
    private static final List<String> RUNBOOK_FIELDS = List.of(Fields.BODY, Fields.TITLE);
    private static final List<String> SECTION_FIELDS = List.of(Fields.BODY, Fields.TITLE, Fields.PATH, Fields.HEADING);

    private final RunbookIndex index;
    private final IndexSearcher runbooks;
    private final IndexReader sections;

    QueryCoverage(RunbookIndex index) {
        this.index = index;
        this.runbooks = index.runbookSearcher();
        this.sections = index.sectionSearcher().getIndexReader();
    }

    /** The evidence for showing {@code hits.get(0)}; {@code hits} are distinct, best first. */
    Evidence of(QueryTerms query, List<SectionHit> hits) throws IOException {
        if (hits.isEmpty()) {
            return new Evidence(0, 0, 0, known(query), query.unknown().size(), 0);
        }
        RunbookSection best = hits.get(0).section();
        IndexReader reader = runbooks.getIndexReader();
        int runbookDoc = index.runbookDoc(best.file());
        int sectionDoc = index.sectionDoc(best);
        double total = 0;
        double inRunbook = 0;
        double inSection = 0;
        double rarest = 0;
        double rarestShared = 0;
        TermEnums inRunbooks = new TermEnums(reader, RUNBOOK_FIELDS);
        TermEnums inSections = new TermEnums(sections, SECTION_FIELDS);
        for (String t : query.terms()) {
            if (!QueryTerms.known(reader, t) && !query.unknown().contains(t)) {
                continue; // a number, host name, id or plain word no runbook uses: no evidence either way
            }
            double idf = idf(reader, t);
            total += idf;
            if (!query.unknown().contains(t)) { // foreign words have their own threshold
                rarest = Math.max(rarest, idf);
            }
            if (runbookDoc >= 0 && inRunbooks.holds(runbookDoc, new BytesRef(t))) {
                inRunbook += idf;
                rarestShared = Math.max(rarestShared, idf);
            }
            if (sectionDoc >= 0 && inSections.holds(sectionDoc, new BytesRef(t))) {
                inSection += idf;
            }
        }
        double first = hits.get(0).score();
        double margin =
                hits.size() < 2 || first <= 0 ? 1 : Math.max(0, 1 - hits.get(1).score() / first);
        return total == 0
                ? new Evidence(0, 0, margin, 0, query.unknown().size(), 0)
                : new Evidence(
                        inRunbook / total,
                        inSection / total,
                        margin,
                        known(query),
                        query.unknown().size(),
                        rarest == 0 ? 0 : rarestShared / rarest);
    }

    private int known(QueryTerms query) throws IOException {
        int n = 0;
        for (String t : query.terms()) {
            n += QueryTerms.known(runbooks.getIndexReader(), t) ? 1 : 0;
        }
        return n;
    }

    /** How rare a term is across runbooks (BM25's IDF over title and text). */
    static double idf(IndexReader reader, String term) throws IOException {
        int df = DocFrequencies.inTextOrTitle(reader, term);
        int n = reader.numDocs();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
