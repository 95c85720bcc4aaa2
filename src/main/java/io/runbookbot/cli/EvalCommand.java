package io.runbookbot.cli;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalReport;
import io.runbookbot.search.eval.EvalSet;
import io.runbookbot.search.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval --questions FILE}: retrieval quality figures for a question set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score retrieval on a question set: hit@1, hit@3, MRR@5, answered and abstention rates, per kind.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    RunbooksOption runbooks;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Question set (JSON Lines).")
    Path questions;

    @Option(names = "--misses", description = "Also list the answerable questions with no hit in the top 5.")
    boolean misses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<EvalQuestion> set = EvalSet.read(questions);
        EvalReport report;
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir())) {
            report = new Evaluator(indexed, indexed.runbooks()).evaluate(set);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d questions against %s%n", questions, set.size(), runbooks.dir());
        out.print(report.table());
        report.unresolved().forEach(u -> out.println("warning: expected section not found: " + u));
        if (misses) {
            report.misses().forEach(m -> out.println("miss: " + m));
        }
        out.flush();
        return 0;
    }
}
