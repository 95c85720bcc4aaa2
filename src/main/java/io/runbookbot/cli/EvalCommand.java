package io.runbookbot.cli;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.Ranking;
import io.runbookbot.search.embed.Embeddings;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import io.runbookbot.search.eval.Metrics;
import io.runbookbot.search.markdown.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval --questions FILE}: retrieval quality figures for a question set, scored on what the user
 * sees (an abstention is a miss at every k; see docs/eval.md). With an embedding
 * model ({@code --ollama-url}), keyword and hybrid ranking side by side, and what embedding cost.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Score what the user sees on a question set: hit@1, hit@3, MRR@5 (an abstention is a miss),"
                + " answered rate, withheld (right section ranked first but abstained), abstention rate, per kind."
                + " With --ollama-url: keyword vs hybrid.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    RunbooksOption runbooks;

    @Mixin
    OllamaOptions ollama;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Question set (JSON Lines).")
    Path questions;

    @Option(
            names = "--misses",
            description = "Also list the answerable questions not answered with a hit in the top 5.")
    boolean misses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<EvalQuestion> set = EvalSet.read(questions);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d questions against %s%n", questions, set.size(), runbooks.dir());
        LoadResult loaded = runbooks.loader().load(runbooks.dir());
        EvalReport keyword;
        try (IndexedRunbooks indexed = IndexedRunbooks.of(loaded, Ranking.DEFAULT)) {
            keyword = new Evaluator(indexed, indexed.runbooks()).evaluate(set);
        }
        Optional<String> model = ollama.embedModel();
        if (model.isEmpty()) {
            print(out, keyword);
            return 0;
        }
        out.println("keyword:");
        out.print(keyword.table());
        try (Embeddings embeddings = ollama.embeddings(model.get())) {
            long start = System.nanoTime();
            try (IndexedRunbooks hybrid = IndexedRunbooks.of(loaded, Ranking.DEFAULT, Optional.of(embeddings), true)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!hybrid.hybrid()) {
                    spec.commandLine()
                            .getErr()
                            .println("error: cannot embed the runbooks with " + model.get() + " at "
                                    + ollama.url().get() + " (see the log above); keyword figures only");
                    return 3;
                }
                out.printf(
                        "index with %s vectors: %.1f s (embed what %s lacks, build)%n",
                        model.get(), seconds, ollama.cacheDir());
                EvalReport report = new Evaluator(hybrid, hybrid.runbooks()).evaluate(set);
                out.println("hybrid (" + model.get() + "):");
                print(out, report);
                out.print(delta(keyword, report));
            }
        }
        return 0;
    }

    private void print(PrintWriter out, EvalReport report) {
        out.print(report.table());
        report.unresolved().forEach(u -> out.println("warning: expected section not found: " + u));
        if (misses) {
            report.misses().forEach(m -> out.println("miss: " + m));
        }
        out.flush();
    }

    private static String delta(EvalReport keyword, EvalReport hybrid) {
        StringBuilder out = new StringBuilder(String.format(
                "hit@1 change: all %+.3f",
                hybrid.overall().hit1() - keyword.overall().hit1()));
        for (Map.Entry<String, Metrics> kind : hybrid.byKind().entrySet()) {
            Metrics before = keyword.byKind().get(kind.getKey());
            if (before != null && kind.getValue().answerable() > 0) {
                out.append(String.format(
                        ", %s %+.3f", kind.getKey(), kind.getValue().hit1() - before.hit1()));
            }
        }
        return out.append(System.lineSeparator()).toString();
    }
}
