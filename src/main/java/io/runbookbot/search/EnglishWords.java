package io.runbookbot.search;

import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.Fields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;

/**
 * Ordinary English words, as index terms (stemmed like the questions are).
 *
 * <p>A question word that no runbook contains means one of two things. "ClickHouse", "APNs" or
 * "wireguard" name something the runbooks do not cover, which is evidence that no runbook answers.
 * "laptop", "hogging" or "gather" are just how people talk, which says nothing about coverage,
 * and a small runbook folder lacks many of them. The list tells the two apart: the lower-case
 * words of SCOWL's american-english list (about 64,000, licence in
 * {@code english-words.LICENSE}); product names are capitalised there or absent.
 *
 * <p>The list has no word with an apostrophe, and "isn't" is indexed as "isn": so the negative
 * contractions of the English auxiliary verbs (a closed class of grammar, like a stop list) are
 * added. Without them a folder whose runbooks never write "isn't" would take "api isn't
 * responding" for a question naming something unknown, and refuse it more readily than a large
 * folder would.
 */
final class EnglishWords {
    private static final String RESOURCE = "english-words.txt.gz";

    /** Auxiliary and modal verbs that take "n't" ("can't" and "won't" analyse to known words). */
    private static final String[] AUXILIARIES = {
        "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "could", "would", "should", "might",
        "must", "need", "dare", "ought"
    };

    private EnglishWords() {}

    /** Whether {@code term} (an index term) is an ordinary English word. */
    static boolean contains(String term) {
        return Holder.STEMS.contains(term);
    }

    private static final class Holder {
        static final Set<String> STEMS = load();

        private static Set<String> load() {
            Set<String> stems = new HashSet<>(80_000);
            Analyzer analyzer = RunbookAnalyzers.incidentEnglishQuery();
            try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                BufferedReader words =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
                for (String word = words.readLine(); word != null; word = words.readLine()) {
                    stems.addAll(RunbookAnalyzers.terms(analyzer, Fields.BODY, word));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String auxiliary : AUXILIARIES) {
                stems.addAll(RunbookAnalyzers.terms(analyzer, Fields.BODY, auxiliary + "n't"));
            }
            return Set.copyOf(stems);
        }
    }
}
