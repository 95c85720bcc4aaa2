package io.runbookbot.search.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the pasted-block dev sets: every {@code error-message} question of a question set, wrapped
 * in generic noise as engineers paste it into chat (log blocks in several layouts, JSON log lines,
 * Java stack traces, Python tracebacks, {@code kubectl describe} events, journalctl output, with or
 * without a code fence), {@value #VARIANTS} variants per question, 5 to 60 lines. The error line
 * appears intact on one line (JSON-escaped inside a JSON log line). Deterministic: a fixed seed.
 *
 * <p>Run from the project folder, after {@code mvn -o -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * io.runbookbot.search.eval.PastedBlocks ../shared/eval src/test/resources/eval}
 */
public final class PastedBlocks {
    static final int VARIANTS = 4;
    static final long SEED = 20261128L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTROS = List.of(
            "seeing this in prod, any idea?",
            "logs from the pod:",
            "started after the last deploy:",
            "what does this mean",
            "this keeps showing up",
            "getting this now");

    private final LogNoise noise;

    PastedBlocks(long seed) {
        this.noise = new LogNoise(new Random(seed));
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        Path out = Path.of(args.length > 1 ? args[1] : "src/test/resources/eval");
        Files.createDirectories(out);
        write(in.resolve("dev.jsonl"), out.resolve("pasted-dev.jsonl"));
        write(in.resolve("seeds-dev.jsonl"), out.resolve("pasted-seeds-dev.jsonl"));
    }

    private static void write(Path questions, Path target) throws IOException {
        PastedBlocks blocks = new PastedBlocks(SEED);
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(questions, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = JSON.readTree(line);
            if (!"error-message".equals(q.path("kind").asText())) {
                continue;
            }
            List<String> pasted = blocks.variants(q.path("question").asText());
            for (int v = 0; v < pasted.size(); v++) {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", q.path("id").asText() + "-p" + (v + 1));
                o.put("question", pasted.get(v));
                o.set("expected", q.path("expected"));
                o.put("kind", "error-message");
                text.append(JSON.writeValueAsString(o)).append('\n');
            }
        }
        Files.writeString(target, text.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }

    /** {@value #VARIANTS} pasted blocks around {@code error}, each of a different shape; one is long. */
    List<String> variants(String error) {
        List<Shape> shapes = new ArrayList<>(List.of(Shape.values()));
        Collections.shuffle(shapes, new Random(SEED ^ error.hashCode()));
        int longOne = noise.between(0, VARIANTS - 1);
        List<String> out = new ArrayList<>();
        for (int v = 0; v < VARIANTS; v++) {
            int lines = v == longOne ? noise.between(40, 60) : noise.between(5, 30);
            List<String> block = new ShapeWriter(noise, error, lines).write(shapes.get(v));
            out.add(dress(block));
        }
        return out;
    }

    /** A code fence (sometimes with a language tag) and a line of prose, or neither. */
    private String dress(List<String> block) {
        List<String> out = new ArrayList<>();
        boolean fenced = noise.chance(0.45);
        if (noise.chance(0.3)) {
            out.add(noise.pick(INTROS));
        }
        if (fenced) {
            out.add(noise.pick(List.of("```", "```", "```text", "```log")));
        }
        out.addAll(block);
        if (fenced) {
            out.add("```");
        }
        return String.join("\n", out);
    }

    /** The kinds of block engineers paste. */
    enum Shape {
        LOG,
        JSON_LOG,
        JAVA,
        PYTHON,
        KUBECTL,
        SYSTEMD
    }
}
