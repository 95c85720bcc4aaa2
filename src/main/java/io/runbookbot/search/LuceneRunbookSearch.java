package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.Confidence;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.redact.Redactor;
import io.runbookbot.search.analysis.ChatLabels;
import io.runbookbot.search.analysis.PastedText;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.embed.QueryEmbedder;
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
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Ranks answer units with BM25 over their fields, fused with the relevance of their runbook. When
 * the index holds section vectors and a {@link QueryEmbedder} is given, the keyword ranking is
 * fused with the nearest sections by embedding ({@link HybridFusion}); when the question cannot be
 * embedded in time, the keyword ranking answers alone and the answer carries a notice. The hits
 * returned never overlap one another ({@link DistinctSections}).
 */
public final class LuceneRunbookSearch implements RunbookSearch {
    /** Score, then place in the runbooks, so that ties come out the same on every run. */
    private static final Comparator<SectionHit> BEST_FIRST = Comparator.comparingDouble(SectionHit::score)
            .reversed()
            .thenComparing(h -> h.section().file())
            .thenComparingInt(h -> h.section().line());

    private static final int RUNBOOK_CANDIDATES = 100;

    private final RunbookIndex index;
    private final Ranking ranking;
    private final Analyzer analyzer = RunbookAnalyzers.incidentEnglishQuery();
    private final QueryCoverage coverage;
    private final Vocabulary vocabulary;
    private final IndexSearcher sections;
    private final IndexSearcher runbooks;
    private final Optional<QueryEmbedder> embedder;
    private final HybridFusion fusion;
    private final Calibration calibration;

    public LuceneRunbookSearch(RunbookIndex index, Ranking ranking) {
        this(index, ranking, Optional.empty(), HybridFusion.DEFAULT);
    }

    /**
     * @param embedder embeds questions for hybrid ranking; ignored when the index has no vectors
     */
    public LuceneRunbookSearch(
            RunbookIndex index, Ranking ranking, Optional<QueryEmbedder> embedder, HybridFusion fusion) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        this.index = Objects.requireNonNull(index, "index");
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.coverage = new QueryCoverage(index);
        this.calibration = Calibration.DEFAULT;
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
        Ranked ranked = ranked(question, topN);
        boolean answered = !ranked.hits().isEmpty() && !calibration.abstains(ranked.keywordEvidence());
        Confidence confidence = answered ? calibration.band(ranked.evidence()) : Confidence.LOW;
        return new Answer(Redactor.redact(question), answered, ranked.hits(), confidence, ranked.notices());
    }

    /**
     * The candidates for a question, best first and distinct, with the evidence for the first.
     * Whether any runbook answers is judged on the keyword ranking's first candidate
     * ({@code keywordEvidence}): semantic neighbours reorder the candidates but are no evidence
     * that the runbooks cover the question's words.
     */
    record Ranked(List<SectionHit> hits, Evidence evidence, Evidence keywordEvidence, List<String> notices) {}

    Ranked ranked(String question, int topN) {
        Objects.requireNonNull(question, "question");
        try {
            String searched =
                    ChatLabels.strip(PastedText.distil(question)); // telling lines; no "ok so", "@oncall", "P1"
            String sought = ranking.done() > 0 ? DoneActions.strip(searched) : searched; // not "fixed X, ..."
            QueryTerms terms = QueryTerms.of(sought, analyzer, runbooks.getIndexReader(), vocabulary);
            if (terms.terms().isEmpty()) {
                return new Ranked(List.of(), Evidence.NONE, Evidence.NONE, List.of());
            }
            int depth = Math.max(2, topN); // the second candidate gives the margin
            List<SectionHit> plain = rank(terms, SectionPrior.of(searched, ranking));
            List<SectionHit> ranked = byCoverage(terms, plain);
            List<SectionHit> shown = DistinctSections.top(ranked, depth);
            Evidence keyword = coverage.of(terms, ranked == plain ? shown : DistinctSections.top(plain, depth));
            Evidence evidence = keyword;
            List<String> notices = new ArrayList<>();
            if (index.vectorDimension() > 0
                    && embedder.isPresent()
                    && (shown.isEmpty() || fusion.blends(keyword.runbookCoverage()))) {
                QueryEmbedder.Result vector = embedder.get().embed(searched, index.vectorDimension());
                vector.notice().ifPresent(notices::add);
                if (vector.vector().isPresent()) {
                    shown = DistinctSections.top(blend(ranked, vector.vector().get()), depth);
                    evidence = coverage.of(terms, shown);
                }
            }
            return new Ranked(shown.subList(0, Math.min(topN, shown.size())), evidence, keyword, notices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SectionHit> blend(List<SectionHit> keyword, float[] vector) throws IOException {
        List<RunbookSection> sections =
                keyword.stream().map(SectionHit::section).toList();
        return fusion.fuse(keyword, nearest(vector), index.similarities(sections, vector));
    }

    /** The sections nearest to the question's vector, best first (score = cosine mapped to [0, 1]). */
    List<SectionHit> nearest(float[] vector) throws IOException {
        ScoreDoc[] docs = sections.search(
                        new KnnFloatVectorQuery(Fields.VECTOR, vector, ranking.candidates()), ranking.candidates())
                .scoreDocs;
        List<SectionHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            hits.add(new SectionHit(index.sectionAt(d.doc), d.score));
        }
        return hits;
    }

    /** Every keyword candidate, best first, by BM25 fused with the runbook's relevance and the prior. */
    private List<SectionHit> rank(QueryTerms terms, SectionPrior prior) throws IOException {
        Map<String, Float> runbookScores = runbookScores(terms.terms());
        ScoreDoc[] docs = top(sections, sectionQuery(terms), ranking.candidates());
        List<RunbookSection> units = new ArrayList<>(docs.length);
        double[] fused = new double[docs.length];
        for (int i = 0; i < docs.length; i++) {
            units.add(index.sectionAt(docs[i].doc));
            fused[i] = docs[i].score
                    + ranking.runbook()
                            * runbookScores.getOrDefault(units.get(i).file(), 0f);
        }
        List<SectionHit> hits = prior.score(units, fused);
        int[] ids = java.util.Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        hits = SmallestAnswer.prefer(sections.getIndexReader(), terms.terms(), ids, hits, ranking.childCover());
        hits.sort(BEST_FIRST);
        return hits;
    }

    /**
     * The candidates reordered by how much of the question's rare words their runbook holds
     * ({@link RunbookShares}, {@link Ranking#coverage()}), and with the runbooks that never mention
     * the name the question starts with discounted ({@link LeadName}, {@link Ranking#leadName()});
     * the same list when both are off.
     */
    private List<SectionHit> byCoverage(QueryTerms terms, List<SectionHit> hits) throws IOException {
        if (ranking.coverage() == 0 && ranking.leadName() == 1) {
            return hits;
        }
        RunbookShares runbookShares = new RunbookShares(index);
        Map<String, Double> shares = runbookShares.of(terms, hits);
        Optional<String> lead =
                ranking.leadName() == 1 ? Optional.empty() : LeadName.of(terms, runbooks.getIndexReader());
        Set<String> offTopic = lead.isPresent() ? runbookShares.lacking(lead.get(), hits) : Set.of();
        List<SectionHit> out = new ArrayList<>(hits.size());
        for (SectionHit h : hits) {
            String file = h.section().file();
            double factor = Math.pow(shares.getOrDefault(file, 0.0), ranking.coverage())
                    * (offTopic.contains(file) ? ranking.leadName() : 1);
            out.add(new SectionHit(h.section(), h.score() * factor));
        }
        out.sort(BEST_FIRST);
        return out;
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
