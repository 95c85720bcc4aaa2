package io.runbookbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.Answer;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.diagnostics.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.embed.Embeddings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
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

    @Mixin
    OllamaOptions ollama;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, error line or alert name.")
    List<String> words;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "How many sections to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print JSON (with each section's text) instead of text.")
    boolean json;

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Allowlist whose diagnostics are suggested (default: allowlist.yaml in the runbooks folder, if any).")
    @Nullable Path allowlist;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String question = String.join(" ", words);
        Answer answer;
        Optional<Embeddings> embeddings = ollama.embedModel().map(model -> Embeddings.ollama(ollama.url().orElseThrow(),
                model, ollama.timeout(), ollama.cacheDir()));
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir(), embeddings, true)) {
            answer = indexed.ask(question, Math.max(1, top));
        } finally {
            embeddings.ifPresent(Embeddings::close);
        }
        List<DiagnosticSuggestion> suggestions = suggestions(answer);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = MatchJson.JSON.createObjectNode().put("question", question);
            node.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
            MatchJson.answer(node, answer, true);
            MatchJson.suggestions(node, suggestions);
            out.println(MatchJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            AnswerPrinter.print(answer, suggestions, out);
        }
        out.flush();
        return answer.answered() ? 0 : NO_MATCH;
    }

    /** The allowlisted diagnostics the answer's code blocks correspond to. */
    private List<DiagnosticSuggestion> suggestions(Answer answer) {
        Path file = allowlist != null ? allowlist : runbooks.dir().resolve("allowlist.yaml");
        if (answer.best().isEmpty() || allowlist == null && !Files.isRegularFile(file)) {
            return List.of();
        }
        DiagnosticsOptions options = new DiagnosticsOptions();
        options.allowlist = file;
        return new Suggestions(options.allowlist()).forSection(answer.best().get().section());
    }
}
