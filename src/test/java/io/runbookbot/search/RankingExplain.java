package io.runbookbot.search;

import io.runbookbot.core.SectionHit;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;

/**
 * Development tool, not a test: for one question, prints its terms with their rarity across
 * runbooks and sections and which candidate runbooks hold each, then the first candidates with
 * the runbook share. Args: runbooks folder, question.
 */
public final class RankingExplain {
    public static void main(String[] args) throws Exception {
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            var reader = index.runbookSearcher().getIndexReader();
            var sreader = index.sectionSearcher().getIndexReader();
            for (int a = 1; a < args.length; a++) {
                String q = args[a];
                QueryTerms terms =
                        QueryTerms.of(q, RunbookAnalyzers.incidentEnglishQuery(), reader, new Vocabulary(reader));
                System.out.println("Q: " + q + "\n terms " + terms.terms() + " unknown " + terms.unknown());
                for (String t : terms.terms()) {
                    System.out.printf(
                            "   %-16s runbook df %4d idf %.2f | section df %5d%n",
                            t,
                            Math.max(
                                    reader.docFreq(new Term(Fields.BODY, t)),
                                    reader.docFreq(new Term(Fields.TITLE, t))),
                            QueryCoverage.idf(reader, t),
                            sreader.docFreq(new Term(Fields.BODY, t)));
                }
                LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT);
                List<SectionHit> hits =
                        search.ranked(q, Integer.getInteger("top", 8)).hits();
                Map<String, Double> shares = new RunbookShares(index).of(terms, hits);
                String only = System.getProperty("file", "");
                for (int i = 0; i < hits.size(); i++) {
                    SectionHit h = hits.get(i);
                    if (i >= 8 && !h.section().file().contains(only)) {
                        continue;
                    }
                    System.out.printf("   #%d", i + 1);
                    System.out.printf(
                            "   %.3f share %.2f %s:%d %s%n",
                            h.score(),
                            shares.get(h.section().file()),
                            h.section().file(),
                            h.section().line(),
                            h.section().headingPath());
                }
            }
        }
    }
}
