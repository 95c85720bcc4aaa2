package io.runbookbot.search;

import io.runbookbot.search.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the runbooks, for correcting words typed in a hurry. A word is corrected to the
 * runbook word within one edit (two for words of eight letters or more; a transposition counts
 * as one edit) that shares its first two letters, the most frequent one on a tie.
 *
 * <p>Lucene's {@code DirectSpellChecker} does the same but builds a Levenshtein automaton per
 * word, about 2 ms each on this corpus, most of a query's time; comparing against the few
 * hundred words that share a prefix takes microseconds.
 */
final class Vocabulary {
    private static final int PREFIX = 2;

    private final Map<String, List<Word>> byPrefix = new HashMap<>();

    private record Word(String text, int docFreq) {}

    Vocabulary(IndexReader reader) {
        try {
            Terms terms = MultiTerms.getTerms(reader, Fields.BODY);
            TermsEnum te = terms == null ? TermsEnum.EMPTY : terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String word = t.utf8ToString();
                if (word.length() > PREFIX && word.chars().allMatch(Character::isLetter)) {
                    byPrefix.computeIfAbsent(word.substring(0, PREFIX), k -> new ArrayList<>())
                            .add(new Word(word, te.docFreq()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The closest runbook word to {@code word}, if one is close enough. */
    Optional<String> correction(String word) {
        int maxEdits = word.length() >= 8 ? 2 : 1;
        Word best = null;
        int bestDistance = maxEdits + 1;
        for (Word w : byPrefix.getOrDefault(word.substring(0, Math.min(PREFIX, word.length())), List.of())) {
            if (Math.abs(w.text().length() - word.length()) > maxEdits) {
                continue;
            }
            int d = distance(word, w.text(), maxEdits);
            if (d < bestDistance || d == bestDistance && best != null && w.docFreq() > best.docFreq()) {
                best = w;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best).map(Word::text);
    }

    /** Optimal string alignment distance, or {@code max + 1} once it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], max + 1);
    }
}
