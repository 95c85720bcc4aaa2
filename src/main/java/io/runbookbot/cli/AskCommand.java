package io.runbookbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Answer;
import io.runbookbot.search.IndexedRunbooks;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ask "<question>"}: the best runbook section, verbatim, and the other candidates. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a symptom question with the best matching runbook section.")
public final class AskCommand implements Callable<Integer> {
    /** Exit code when no runbook matches, so scripts can tell. */
    static final int NO_MATCH = 3;

    @Mixin
    RunbooksOption runbooks;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, error line or alert name.")
    List<String> words;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "How many sections to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print JSON (with each section's text) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String question = String.join(" ", words);
        Answer answer;
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir())) {
            answer = indexed.ask(question, Math.max(1, top));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = MatchJson.JSON.createObjectNode().put("question", question);
            node.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
            out.println(MatchJson.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(MatchJson.answer(node, answer, true)));
        } else {
            AnswerPrinter.print(answer, out);
        }
        out.flush();
        return answer.answered() ? 0 : NO_MATCH;
    }
}
