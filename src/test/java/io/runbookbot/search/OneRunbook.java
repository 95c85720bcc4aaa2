package io.runbookbot.search;

import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;

/** Asks a question of a folder holding one runbook, for tests of which section is shown. */
final class OneRunbook {
    private OneRunbook() {}

    /** The heading of the section {@code ranking} answers {@code question} with from one runbook. */
    static String headingShown(String file, String markdown, String question, Ranking ranking) {
        try (RunbookIndex own = RunbookIndexer.build(List.of(new RunbookParser().parse(file, markdown)))) {
            return new LuceneRunbookSearch(own, ranking)
                    .ask(question, 5)
                    .best()
                    .orElseThrow()
                    .section()
                    .heading();
        }
    }
}
