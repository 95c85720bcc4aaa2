package io.runbookbot.search;

import io.runbookbot.core.SectionHit;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Development tool, not a test: per question, the intents read from it, the roles of its expected
 * sections' headings and of the first section shown. Args: runbooks folder, question file.
 */
public final class RoleStats {
    public static void main(String[] args) {
        LoadResult loaded = new RunbookLoader().load(Path.of(args[0]));
        List<EvalQuestion> questions = EvalSet.read(Path.of(args[1]));
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index, Ranking.DEFAULT);
            for (EvalQuestion q : questions) {
                if (!q.answerable()) {
                    continue;
                }
                List<SectionHit> hits = search.ask(q.question(), 1).hits();
                String top = hits.isEmpty()
                        ? "-"
                        : SectionRoles.of(hits.get(0).section().heading()) + " "
                                + hits.get(0).section().heading();
                System.out.printf(
                        "%s\t%s\t%s\twant %s\tgot %s\t%s%n",
                        q.id(),
                        q.kind(),
                        QuestionIntent.of(q.question()),
                        q.expected().stream()
                                .map(e -> SectionRoles.of(e.heading()) + " " + e.heading())
                                .toList(),
                        top,
                        q.question());
            }
        }
    }
}
