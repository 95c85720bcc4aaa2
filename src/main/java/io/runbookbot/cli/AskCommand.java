package io.runbookbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Answer;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.Summary;
import io.runbookbot.diagnostics.Suggestions;
import io.runbookbot.llm.OllamaSummarizer;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.embed.Embeddings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ask "<question>"}: the best runbook section, verbatim, and the other candidates. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a symptom question with the best matching runbook section.")
public final class AskCommand implements Callable<Integer> {
    /** Exit code when no runbook matches, so scripts can tell. */
    static final int NO_MATCH = 3;

    @Mixin
    RunbooksOption runbooks;

    @Mixin
    OllamaOptions ollama;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, error line or alert name.")
    List<String> words;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "How many sections to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print JSON (with each section's text) instead of text.")
    boolean json;

    @Mixin
    DiagnosticsOptions diagnostics;

    @Option(names = "--summarize",
            description = "Show a short generated summary of the section above it (needs --ollama-url and --chat-model).")
    boolean summarize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String question = String.join(" ", words);
        Answer answer;
        Optional<Embeddings> embeddings = ollama.embeddings();
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir(), runbooks.loader(), embeddings, true)) {
            answer = indexed.ask(question, Math.max(1, top));
        } finally {
            embeddings.ifPresent(Embeddings::close);
        }
        List<DiagnosticSuggestion> suggestions = suggestions(answer);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Summary> summary = summarize ? summary(answer, err) : Optional.empty();
        if (json) {
            ObjectNode node = MatchJson.JSON.createObjectNode().put("question", question);
            node.put("confidence", answer.confidence().key());
            MatchJson.answer(node, answer, true);
            MatchJson.suggestions(node, suggestions);
            MatchJson.notices(node, answer.notices());
            if (summarize) {
                MatchJson.summary(node, summary);
            }
            out.println(MatchJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            AnswerPrinter.printNotices(answer.notices(), err);
            AnswerPrinter.print(answer, suggestions, summary, out);
        }
        out.flush();
        err.flush();
        return answer.answered() ? 0 : NO_MATCH;
    }

    /** A generated summary of the answer, when a chat model is configured and it makes a grounded one. */
    private Optional<Summary> summary(Answer answer, PrintWriter err) {
        if (answer.best().isEmpty()) {
            return Optional.empty();
        }
        if (ollama.chatModel().isEmpty()) {
            err.println("note: --summarize needs a chat model (" + ollama.chatModelHint()
                    + "); answering without a summary.");
            return Optional.empty();
        }
        Optional<Summary> summary;
        try (OllamaSummarizer summarizer = OllamaSummarizer.builder(ollama.url().orElseThrow(),
                ollama.chatModel().get()).timeout(ollama.timeout()).prompts(ollama.prompts()).build()) {
            summary = summarizer.summarize(answer.question(), answer.best().get().section());
        }
        if (summary.isEmpty()) {
            err.println("note: no summary (the chat model failed or was too slow, or its summary was not grounded "
                    + "in the section).");
        }
        return summary;
    }

    /** The allowlisted diagnostics the answer's code blocks correspond to. */
    private List<DiagnosticSuggestion> suggestions(Answer answer) {
        if (answer.best().isEmpty()) {
            return List.of();
        }
        return diagnostics.allowlistIfPresent().map(a -> new Suggestions(a).forSection(answer.best().get().section()))
                .orElse(List.of());
    }
}
