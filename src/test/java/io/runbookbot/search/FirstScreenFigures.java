package io.runbookbot.search;

import io.runbookbot.core.Answer;
import io.runbookbot.core.chat.ReadableSection;
import io.runbookbot.core.chat.SourceLinks;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Development tool, not a test: the length of the answer's first screen ({@link ReadableSection})
 * against the whole section's, over the answered dev questions, as percentiles. Args: the shared
 * folder (default ../shared).
 */
public final class FirstScreenFigures {
    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        figures("corpus", shared.resolve("corpus"), shared.resolve("eval/dev.jsonl"));
        figures("seeds", shared.resolve("seeds"), shared.resolve("eval/seeds-dev.jsonl"));
    }

    private static void figures(String name, Path runbooks, Path questions) {
        var loaded = new RunbookLoader().load(runbooks);
        List<EvalQuestion> qs = EvalSet.read(questions);
        List<Integer> first = new ArrayList<>();
        List<Integer> raw = new ArrayList<>();
        int more = 0;
        try (RunbookIndex index = RunbookIndexer.build(loaded.runbooks())) {
            LuceneRunbookSearch search = new LuceneRunbookSearch(index);
            for (EvalQuestion q : qs) {
                Answer a = search.ask(q.question(), 5);
                if (!a.answered()) {
                    continue;
                }
                var section = a.best().orElseThrow().section();
                ReadableSection r = ReadableSection.of(section, SourceLinks.NONE);
                first.add(r.first().length());
                raw.add(section.text().length());
                more += r.more() ? 1 : 0;
            }
        }
        System.out.printf(
                "%s: %d answers; first screen chars %s; whole section (source) %s; %d (%.0f %%) have more%n",
                name, first.size(), percentiles(first), percentiles(raw), more, 100.0 * more / first.size());
    }

    private static String percentiles(List<Integer> values) {
        List<Integer> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format(
                "p50 %d, p90 %d, p99 %d, max %d", at(v, 0.5), at(v, 0.9), at(v, 0.99), v.get(v.size() - 1));
    }

    private static int at(List<Integer> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
