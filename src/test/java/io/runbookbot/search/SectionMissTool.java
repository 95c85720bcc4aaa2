package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Development tool, not a test: prints every question of a dev set with its expected sections and
 * the first three sections the bot ranks (heading, lines, role), to read where hit@1 is lost.
 * Args: runbooks folder, question file.
 */
public final class SectionMissTool {
    public static void main(String[] args) {
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        List<EvalQuestion> questions = EvalSet.read(Path.of(args[1]));
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT);
            java.util.Map<String, Integer> shown = new java.util.HashMap<>();
            new Evaluator(search, loaded.runbooks())
                    .evaluate(questions)
                    .outcomes()
                    .forEach(o -> shown.put(o.id(), o.shownAt()));
            for (EvalQuestion q : questions) {
                Answer a = search.ask(q.question(), 5);
                System.out.printf("%n%s rank=%d [%s] %s%n", q.id(), shown.get(q.id()), q.kind(), q.question());
                q.expected().forEach(e -> System.out.println("   want " + e.file() + " # " + e.heading()));
                for (SectionHit h : a.hits().subList(0, Math.min(3, a.hits().size()))) {
                    System.out.printf(
                            "   got  %s:%d-%d %s%n",
                            h.section().file(),
                            h.section().line(),
                            h.section().endLine(),
                            h.section().headingPath());
                }
            }
        }
    }
}
