package io.runbookbot.search.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chain for incident text, shared by indexing and querying.
 *
 * <p>Incident text mixes prose with identifiers: alert names in CamelCase
 * ({@code KubePodCrashLooping}), error codes ({@code ECONNREFUSED}, {@code Errno 98}), ports
 * ({@code :8000}), snake_case binaries ({@code pg_isready}). The chain keeps every identifier
 * whole (so an exact alert name is a rare, decisive term) and also splits it into its words (so
 * "pod crash looping" finds it), then lower-cases, folds accents, drops English and chat filler
 * words and stems with Porter.
 */
public final class RunbookAnalyzers {

    /**
     * Snowball's English stop words plus chat filler, minus the words that carry meaning in an
     * incident ("down", "up", "not", "no", "off", "out", "over", "after" ...).
     */
    private static final CharArraySet STOP_WORDS = new CharArraySet(
            List.of(
                    "a",
                    "about",
                    "above",
                    "again",
                    "against",
                    "all",
                    "am",
                    "an",
                    "and",
                    "any",
                    "are",
                    "as",
                    "at",
                    "be",
                    "because",
                    "been",
                    "being",
                    "below",
                    "between",
                    "both",
                    "but",
                    "by",
                    "can",
                    "could",
                    "did",
                    "do",
                    "does",
                    "doing",
                    "each",
                    "few",
                    "for",
                    "from",
                    "further",
                    "had",
                    "has",
                    "have",
                    "having",
                    "he",
                    "her",
                    "here",
                    "hers",
                    "herself",
                    "him",
                    "himself",
                    "his",
                    "how",
                    "i",
                    "if",
                    "in",
                    "into",
                    "is",
                    "it",
                    "its",
                    "itself",
                    "just",
                    "let",
                    "me",
                    "more",
                    "most",
                    "my",
                    "myself",
                    "nor",
                    "of",
                    "on",
                    "once",
                    "only",
                    "or",
                    "other",
                    "ought",
                    "our",
                    "ours",
                    "ourselves",
                    "own",
                    "same",
                    "she",
                    "should",
                    "so",
                    "some",
                    "such",
                    "than",
                    "that",
                    "the",
                    "their",
                    "theirs",
                    "them",
                    "themselves",
                    "then",
                    "there",
                    "these",
                    "they",
                    "this",
                    "those",
                    "through",
                    "to",
                    "too",
                    "until",
                    "very",
                    "was",
                    "we",
                    "were",
                    "what",
                    "when",
                    "where",
                    "which",
                    "while",
                    "who",
                    "whom",
                    "why",
                    "will",
                    "with",
                    "would",
                    "you",
                    "your",
                    "yours",
                    "yourself",
                    "yourselves",
                    // negative contractions (Snowball lists them): "not" stays, as a word of its own
                    "can't",
                    "won't",
                    "doesn't",
                    "isn't",
                    "aren't",
                    "wasn't",
                    "weren't",
                    "didn't",
                    "couldn't",
                    "wouldn't",
                    "shouldn't",
                    "hasn't",
                    "haven't",
                    "hadn't",
                    // chat filler
                    "anyone",
                    "anybody",
                    "help",
                    "please",
                    "pls",
                    "hi",
                    "hey",
                    "hello",
                    "thanks",
                    "thx",
                    "know",
                    "need",
                    "want",
                    "get",
                    "got",
                    "getting",
                    "im",
                    "ive",
                    "i'm",
                    "i've",
                    "dont",
                    "don't",
                    "s",
                    "t",
                    "d",
                    "ll",
                    "m",
                    "re",
                    "ve",
                    "e.g",
                    "eg",
                    "etc"),
            true);

    private RunbookAnalyzers() {}

    /** The analyzer for runbook text and for questions. */
    public static Analyzer incidentEnglish() {
        return new IncidentAnalyzer(true);
    }

    /** The same chain for questions: no graph flattening needed since only terms are used. */
    public static Analyzer incidentEnglishQuery() {
        return new IncidentAnalyzer(false);
    }

    /** The distinct terms {@code analyzer} makes of {@code text}, in order of first appearance. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen on a String reader
        }
        return new ArrayList<>(out);
    }

    private static final class IncidentAnalyzer extends Analyzer {
        private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
                | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

        private final boolean flattenGraph;

        IncidentAnalyzer(boolean flattenGraph) {
            this.flattenGraph = flattenGraph;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new WordDelimiterGraphFilter(source, WORD_DELIMITER_FLAGS, null);
            if (flattenGraph) {
                ts = new FlattenGraphFilter(ts);
            }
            ts = new EnglishPossessiveFilter(ts);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            ts = new StopFilter(ts, STOP_WORDS);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
