package io.runbookbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.embed.Embeddings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code search --jsonl}: batch mode. One JSON object per input line in, one per line out, in the
 * same order; a malformed line gets an {@code error} instead of stopping the batch. With
 * {@code --ollama-url} it ranks hybrid, as {@code ask} does; the output contract stays the same.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Batch search: JSON Lines {\"id\",\"question\"} on stdin, one result line per input on stdout.")
public final class SearchCommand implements Callable<Integer> {
    static final int TOP = 5;

    @Mixin
    RunbooksOption runbooks;

    @Mixin
    OllamaOptions ollama;

    @Option(names = "--jsonl", required = true, description = "Read and write JSON Lines (the only format).")
    boolean jsonl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        Optional<Embeddings> embeddings = ollama.embeddings();
        try (IndexedRunbooks indexed = IndexedRunbooks.open(runbooks.dir(), runbooks.loader(), embeddings, true);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = answer(indexed, line);
                errors += result.has("error") ? 1 : 0;
                out.println(MatchJson.JSON.writeValueAsString(result));
                out.flush();
            }
        } finally {
            embeddings.ifPresent(Embeddings::close);
        }
        return errors == 0 ? 0 : 1;
    }

    private static ObjectNode answer(IndexedRunbooks indexed, String line) {
        ObjectNode result = MatchJson.JSON.createObjectNode();
        JsonNode request;
        try {
            request = MatchJson.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return result.putNull("id").put("error", "not a JSON object: " + e.getOriginalMessage());
        }
        JsonNode id = request.path("id");
        result.set("id", id.isMissingNode() ? MatchJson.JSON.nullNode() : id);
        JsonNode question = request.path("question");
        if (!question.isTextual() || question.asText().isBlank()) {
            return result.put("error", "missing \"question\" (a non-empty string)");
        }
        return MatchJson.answer(result, indexed.ask(question.asText(), TOP), false);
    }
}
