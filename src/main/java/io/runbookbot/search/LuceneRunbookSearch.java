package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.Fields;
import io.runbookbot.search.index.RunbookIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;

/** Ranks answer units with BM25 over their fields, fused with the relevance of their runbook. */
public final class LuceneRunbookSearch implements RunbookSearch {
    /** Score, then place in the runbooks, so that ties come out the same on every run. */
    private static final Comparator<SectionHit> BEST_FIRST = Comparator.comparingDouble(SectionHit::score).reversed()
            .thenComparing(h -> h.section().file()).thenComparingInt(h -> h.section().line());

    private static final int RUNBOOK_CANDIDATES = 100;

    private final RunbookIndex index;
    private final Ranking ranking;
    private final Analyzer analyzer = RunbookAnalyzers.incidentEnglishQuery();
    private final QueryCoverage coverage;
    private final Vocabulary vocabulary;
    private final IndexSearcher sections;
    private final IndexSearcher runbooks;

    public LuceneRunbookSearch(RunbookIndex index, Ranking ranking) {
        this.index = Objects.requireNonNull(index, "index");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.coverage = new QueryCoverage(index);
        BM25Similarity similarity = new BM25Similarity(ranking.k1(), ranking.b());
        this.sections = index.sectionSearcher();
        this.sections.setSimilarity(similarity);
        this.runbooks = index.runbookSearcher();
        this.runbooks.setSimilarity(similarity);
        this.vocabulary = new Vocabulary(runbooks.getIndexReader());
    }

    public LuceneRunbookSearch(RunbookIndex index) {
        this(index, Ranking.DEFAULT);
    }

    @Override
    public Answer ask(String question, int topN) {
        Objects.requireNonNull(question, "question");
        try {
            QueryTerms terms = QueryTerms.of(question, analyzer, runbooks.getIndexReader(), vocabulary);
            if (terms.terms().isEmpty()) {
                return new Answer(question, false, List.of(), 0);
            }
            List<SectionHit> hits = rank(terms, topN);
            double confidence = hits.isEmpty() ? 0 : coverage.of(terms, hits.get(0).section());
            double needed = terms.unknown().isEmpty() ? ranking.minCoverage() : ranking.minCoverageWithUnknown();
            return new Answer(question, confidence >= needed, hits, confidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SectionHit> rank(QueryTerms terms, int topN) throws IOException {
        Map<String, Float> runbookScores = runbookScores(terms.terms());
        ScoreDoc[] docs = top(sections, sectionQuery(terms), ranking.candidates());
        List<SectionHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            RunbookSection unit = index.sectionAt(d.doc);
            double fused = d.score + ranking.runbook() * runbookScores.getOrDefault(unit.file(), 0f);
            hits.add(new SectionHit(unit, fused * prior(SectionRoles.of(unit.heading()))));
        }
        hits.sort(BEST_FIRST);
        return hits.subList(0, Math.min(topN, hits.size()));
    }

    private double prior(SectionRoles role) {
        return switch (role) {
            case ACTION -> ranking.action();
            case DESCRIPTION -> ranking.description();
            case OTHER -> 1.0;
        };
    }

    private Query sectionQuery(QueryTerms terms) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms.terms()) {
            add(q, Fields.TITLE, t, ranking.title());
            add(q, Fields.PATH, t, ranking.path());
            add(q, Fields.HEADING, t, ranking.heading());
            add(q, Fields.BODY, t, ranking.body());
        }
        return q.build();
    }

    private Map<String, Float> runbookScores(List<String> terms) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms) {
            add(q, Fields.TITLE, t, ranking.title());
            add(q, Fields.BODY, t, ranking.body());
        }
        Map<String, Float> scores = new HashMap<>();
        for (ScoreDoc d : top(runbooks, q.build(), RUNBOOK_CANDIDATES)) {
            scores.put(index.runbookAt(d.doc).file(), d.score);
        }
        return scores;
    }

    /** The best {@code n} documents; hits are not counted exactly, so that scoring can skip. */
    private static ScoreDoc[] top(IndexSearcher searcher, Query query, int n) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(n, n)).scoreDocs;
    }

    private static void add(BooleanQuery.Builder q, String field, String term, float boost) {
        if (boost > 0) {
            q.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD);
        }
    }
}
