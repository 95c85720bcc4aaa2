package io.runbookbot.search;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;

/**
 * The name a question starts with, when it starts with one: "uvicorn won't start: [Errno 98]
 * Address already in use", "stemedb gets permission denied", "KubeAPIErrorBudgetBurn firing". On-call
 * engineers put what is broken first; a runbook that never mentions that name is about something
 * else, however well it matches the rest (a Flask runbook quoting the same error line). BM25 and
 * {@link RunbookShares} add the name's weight to the others', so a rare error code matched twice
 * can outweigh it; the ranking uses this to discount such runbooks ({@link Ranking#leadName()}).
 *
 * <p>A name is a term with letters that is not an ordinary English word ({@link EnglishWords}):
 * "won't", "disk" or "the" never lead, nor do numbers. It must be known to the runbooks and about as
 * rare as the question's rarest known term (at least {@link #MIN_RARITY} of its IDF), so that a
 * common tool name ("kubectl") that happens to come first decides nothing.
 */
final class LeadName {
    static final double MIN_RARITY = 0.5;

    private LeadName() {}

    static Optional<String> of(QueryTerms query, IndexReader runbooks) throws IOException {
        if (query.terms().isEmpty()) {
            return Optional.empty();
        }
        String first = query.terms().get(0);
        if (first.chars().noneMatch(Character::isLetter)
                || EnglishWords.contains(first)
                || !QueryTerms.known(runbooks, first)) {
            return Optional.empty();
        }
        double rarest = 0;
        for (String t : query.terms()) {
            if (QueryTerms.known(runbooks, t)) {
                rarest = Math.max(rarest, QueryCoverage.idf(runbooks, t));
            }
        }
        return QueryCoverage.idf(runbooks, first) >= MIN_RARITY * rarest ? Optional.of(first) : Optional.empty();
    }
}
