package io.runbookbot.search.eval;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.markdown.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Scores a {@link RunbookSearch} on a question set: hit@1, hit@3, MRR@5 and abstention. */
public final class Evaluator {
    static final int DEPTH = 5;

    private final RunbookSearch search;
    private final ExpectedSections expected;

    public Evaluator(RunbookSearch search, List<Runbook> runbooks) {
        this.search = search;
        this.expected = new ExpectedSections(runbooks);
    }

    public EvalReport evaluate(List<EvalQuestion> questions) {
        Metrics.Builder all = new Metrics.Builder();
        Map<String, Metrics.Builder> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Answer answer = search.ask(q.question(), DEPTH);
            Metrics.Builder kind = byKind.computeIfAbsent(q.kind(), k -> new Metrics.Builder());
            if (!q.answerable()) {
                all.noAnswer(answer.answered());
                kind.noAnswer(answer.answered());
                continue;
            }
            List<ExpectedSections.Span> spans = spans(q, unresolved);
            int rank = firstHitRank(answer.hits(), spans);
            all.answerable(rank, answer.answered());
            kind.answerable(rank, answer.answered());
            if (rank == 0) {
                misses.add(q.id() + " [" + q.kind() + "] " + q.question());
            }
        }
        Map<String, Metrics> kinds = new TreeMap<>();
        byKind.forEach((k, b) -> kinds.put(k, b.build()));
        return new EvalReport(all.build(), kinds, misses, unresolved);
    }

    private List<ExpectedSections.Span> spans(EvalQuestion q, List<String> unresolved) {
        List<ExpectedSections.Span> spans = new ArrayList<>();
        for (EvalQuestion.Expected e : q.expected()) {
            Optional<ExpectedSections.Span> span = expected.resolve(e);
            span.ifPresentOrElse(spans::add, () -> unresolved.add(q.id() + ": " + e.file() + " # " + e.heading()));
        }
        return spans;
    }

    private int firstHitRank(List<SectionHit> hits, List<ExpectedSections.Span> spans) {
        for (int i = 0; i < Math.min(DEPTH, hits.size()); i++) {
            SectionHit hit = hits.get(i);
            if (spans.stream().anyMatch(s -> expected.isHit(hit.section(), s))) {
                return i + 1;
            }
        }
        return 0;
    }
}
