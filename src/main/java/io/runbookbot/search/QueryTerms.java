package io.runbookbot.search;

import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * The terms of a question as the index knows them. Words no runbook contains are corrected to the
 * closest word that runbooks do contain ("replicsa" to "replica", "strats" to "starts"), since
 * questions are typed in a hurry; words that stay unknown and are not ordinary English are kept
 * apart, as they often name something no runbook covers.
 *
 * @param terms    distinct terms to search for, corrected where needed
 * @param unknown  alphabetic terms that no runbook contains, that have no close correction and that
 *                 are not ordinary English words ({@link EnglishWords})
 */
record QueryTerms(List<String> terms, List<String> unknown) {
    /** Shorter words have too many close neighbours to correct safely. */
    private static final int MIN_CORRECTABLE_LENGTH = 5;
    /** Longer words are identifiers (exception names, hosts), not typos, and cost most to correct. */
    private static final int MAX_CORRECTABLE_LENGTH = 12;
    /**
     * At most this many terms are searched for: the section query has one clause per term and
     * field (four fields), and Lucene refuses a query with more than
     * {@link IndexSearcher#getMaxClauseCount()} clauses. A pasted log can hold more distinct words.
     */
    static final int MAX_TERMS = IndexSearcher.getMaxClauseCount() / 4;

    QueryTerms {
        terms = List.copyOf(terms);
        unknown = List.copyOf(unknown);
    }

    static QueryTerms of(String question, Analyzer analyzer, IndexReader runbooks, Vocabulary vocabulary)
            throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String t : RunbookAnalyzers.terms(analyzer, Fields.BODY, question)) {
            if (terms.size() == MAX_TERMS) {
                break;
            }
            if (known(runbooks, t)) {
                terms.add(t);
                continue;
            }
            String corrected = correctable(t) ? vocabulary.correction(t).orElse(null) : null;
            if (corrected != null) {
                terms.add(corrected);
            } else {
                terms.add(t);
                if (t.chars().allMatch(Character::isLetter) && !EnglishWords.contains(t)) {
                    unknown.add(t);
                }
            }
        }
        return new QueryTerms(new ArrayList<>(terms), unknown);
    }

    static boolean known(IndexReader reader, String term) throws IOException {
        return DocFrequencies.inTextOrTitle(reader, term) > 0;
    }

    private static boolean correctable(String term) {
        return term.length() >= MIN_CORRECTABLE_LENGTH
                && term.length() <= MAX_CORRECTABLE_LENGTH
                && term.chars().allMatch(Character::isLetter);
    }
}
