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

/**
 * Scores a {@link RunbookSearch} on a question set as the user sees it: hit@1, hit@3 and MRR@5,
 * with an abstention counted as a miss, plus answered, withheld and abstention figures.
 */
public final class Evaluator {
    static final int DEPTH = 5;

    private final RunbookSearch search;
    private final ExpectedSections expected;

    public Evaluator(RunbookSearch search, List<Runbook> runbooks) {
        this.search = search;
        this.expected = new ExpectedSections(runbooks);
    }

    public EvalReport evaluate(List<EvalQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Answer answer = search.ask(q.question(), DEPTH);
            List<String> top = answer.hits().stream()
                    .limit(3)
                    .map(h -> h.section().file() + "#" + h.section().line())
                    .toList();
            int rank = q.answerable() ? firstHitRank(answer.hits(), spans(q, unresolved)) : 0;
            Outcome o =
                    new Outcome(q.id(), q.kind(), q.answerable(), rank, answer.answered(), answer.confidence(), top);
            outcomes.add(o);
            if (o.answerable() && o.shownAt() == 0) {
                misses.add(q.id() + " [" + q.kind() + "] " + q.question() + missNote(o));
            }
        }
        Map<String, List<Outcome>> byKind = new TreeMap<>();
        outcomes.forEach(
                o -> byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o));
        Map<String, Metrics> kinds = new TreeMap<>();
        byKind.forEach((k, list) -> kinds.put(k, Metrics.of(list)));
        return new EvalReport(Metrics.of(outcomes), kinds, outcomes, misses, unresolved);
    }

    private static String missNote(Outcome o) {
        if (o.rankedFirstButWithheld()) {
            return " (withheld: ranked first, abstained)";
        }
        return o.rankedAt() > 0 ? " (abstained; ranked " + o.rankedAt() + ")" : "";
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
