package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookHeading;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Development tool, not a test: for each question, the first 15 distinct candidates of the
 * default ranking with the features a section-choice rule could use (roles, prior, text size,
 * the rarity-weighted share of the question's terms in the section's own heading and text), as
 * tab-separated lines, to study misses as classes. Args: runbooks folder, question file.
 */
public final class SectionFeatureDump {
    public static void main(String[] args) throws Exception {
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        List<EvalQuestion> questions = EvalSet.read(Path.of(args[1]));
        Analyzer query = RunbookAnalyzers.incidentEnglishQuery();
        Analyzer index = RunbookAnalyzers.incidentEnglish();
        try (RunbookIndex idx = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(idx, Ranking.DEFAULT);
            IndexReader sections = idx.sectionSearcher().getIndexReader();
            IndexReader runbooks = idx.runbookSearcher().getIndexReader();
            Vocabulary vocabulary = new Vocabulary(runbooks);
            int n = sections.numDocs();
            for (EvalQuestion q : questions) {
                String searched = io.runbookbot.search.analysis.PastedText.distil(q.question());
                List<String> terms =
                        QueryTerms.of(searched, query, runbooks, vocabulary).terms();
                double[] idf = new double[terms.size()];
                double total = 0;
                for (int i = 0; i < terms.size(); i++) {
                    double df = sections.docFreq(new Term(Fields.BODY, terms.get(i)));
                    idf[i] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                    total += idf[i];
                }
                SectionPrior prior = SectionPrior.of(searched, Ranking.DEFAULT);
                List<SectionHit> hits = search.ranked(q.question(), 15).hits();
                int rank = 0;
                for (SectionHit h : hits) {
                    rank++;
                    RunbookSection s = h.section();
                    Set<String> head = new HashSet<>(RunbookAnalyzers.terms(index, Fields.HEADING, s.heading()));
                    Set<String> body = new HashSet<>(RunbookAnalyzers.terms(index, Fields.BODY, s.text()));
                    double hs = 0;
                    double bs = 0;
                    for (int i = 0; i < terms.size(); i++) {
                        if (head.contains(terms.get(i))) {
                            hs += idf[i];
                        }
                        if (body.contains(terms.get(i))) {
                            bs += idf[i];
                        }
                    }
                    double hp = phrase(tokens(index, s.heading()), tokens(query, searched), terms, idf);
                    Set<String> around = new HashSet<>(RunbookAnalyzers.terms(index, Fields.TITLE, s.title()));
                    s.path()
                            .subList(0, Math.max(0, s.path().size() - 1))
                            .forEach(p -> around.addAll(RunbookAnalyzers.terms(index, Fields.PATH, p)));
                    double ho = 0;
                    for (int i = 0; i < terms.size(); i++) {
                        if (head.contains(terms.get(i)) && !around.contains(terms.get(i))) {
                            ho += idf[i];
                        }
                    }
                    String[] lines = s.text().split("\n");
                    int textLines = 0;
                    for (String l : lines) {
                        String t = l.strip();
                        if (!t.isEmpty() && !t.startsWith("```")) {
                            textLines++;
                        }
                    }
                    int words = s.text().split("\\s+").length;
                    System.out.println(String.join(
                            "\t",
                            q.id(),
                            q.kind(),
                            QuestionIntent.of(searched).toString().replace(" ", ""),
                            String.valueOf(rank),
                            expected(loaded.runbooks(), q, s) ? "1" : "0",
                            s.file(),
                            String.valueOf(s.line()),
                            String.valueOf(s.endLine()),
                            String.format(Locale.ROOT, "%.4f", h.score()),
                            String.format(Locale.ROOT, "%.3f", prior.of(s)),
                            SectionRoles.of(s.heading()).toString().replace(" ", ""),
                            String.valueOf(textLines),
                            String.valueOf(words),
                            String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : hs / total),
                            String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : bs / total),
                            String.valueOf(s.level()),
                            String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : hp / total),
                            String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : ho / total),
                            s.heading().replace("\t", " "),
                            q.question().replace("\t", " ").replace("\n", " ")));
                }
            }
        }
    }

    static List<String> tokens(Analyzer a, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (var ts = a.tokenStream(Fields.BODY, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** idf sum of the longest run (two tokens or more) of heading tokens found in a row in the question. */
    static double phrase(List<String> head, List<String> question, List<String> terms, double[] idf) {
        double best = 0;
        for (int i = 0; i < head.size(); i++) {
            for (int j = 0; j < question.size(); j++) {
                int n = 0;
                double w = 0;
                while (i + n < head.size()
                        && j + n < question.size()
                        && head.get(i + n).equals(question.get(j + n))) {
                    int t = terms.indexOf(head.get(i + n));
                    w += t >= 0 ? idf[t] : 0;
                    n++;
                }
                if (n >= 2 && w > best) {
                    best = w;
                }
            }
        }
        return best;
    }

    private static boolean expected(List<Runbook> runbooks, EvalQuestion q, RunbookSection s) {
        for (EvalQuestion.Expected e : q.expected()) {
            for (Runbook r : runbooks) {
                if (!(r.file().equals(e.file()) || e.file().endsWith("/" + r.file()))
                        || !r.file().equals(s.file())) {
                    continue;
                }
                for (RunbookHeading h : r.headings()) {
                    if (h.level() > 0
                            && h.text().equals(e.heading())
                            && (e.path().isEmpty() || h.path().equals(e.path()))) {
                        boolean inside = s.line() >= h.line() && s.endLine() <= h.endLine();
                        int el = h.endLine() - h.line() + 1;
                        int rl = s.endLine() - s.line() + 1;
                        boolean contains = s.line() <= h.line() && s.endLine() >= h.endLine();
                        if (inside || contains && rl <= Math.max(2 * el, el + 10)) {
                            return true;
                        }
                        break;
                    }
                }
            }
        }
        return false;
    }
}
