package io.runbookbot.search.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads question sets in the JSON Lines format of {@code shared/eval/README.md}. */
public final class EvalSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSet() {}

    public static List<EvalQuestion> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read question set " + file + ": " + e.getMessage(), e);
        }
        List<EvalQuestion> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(parse(lines.get(i), file + ":" + (i + 1)));
            }
        }
        return out;
    }

    private static EvalQuestion parse(String line, String where) {
        try {
            JsonNode n = JSON.readTree(line);
            List<EvalQuestion.Expected> expected = new ArrayList<>();
            for (JsonNode e : n.path("expected")) {
                List<String> path = new ArrayList<>();
                e.path("path").forEach(p -> path.add(p.asText()));
                expected.add(new EvalQuestion.Expected(
                        e.path("file").asText(), e.path("heading").asText(), path));
            }
            String question = n.hasNonNull("question")
                    ? n.get("question").asText()
                    : n.path("message").asText();
            return new EvalQuestion(
                    n.path("id").asText(),
                    question,
                    n.path("kind").asText(n.path("label").asText()),
                    expected);
        } catch (IOException e) {
            throw new UserFacingException(where + ": not a JSON object: " + e.getMessage(), e);
        }
    }
}
