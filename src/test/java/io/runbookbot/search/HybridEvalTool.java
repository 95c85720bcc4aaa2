package io.runbookbot.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.runbookbot.cli.BenchCommand;
import io.runbookbot.cli.EvalCommand;
import io.runbookbot.fakes.FakeOllama;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Dev tool: {@code eval} (keyword vs hybrid) or {@code bench} with a real embedding model
 * (all-MiniLM-L6-v2, in process) served through the fake Ollama. Arguments: runbooks folder,
 * question file, cache folder, then extra options; {@code -Dcommand=bench} for the benchmark.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.runbookbot.search.HybridEvalTool \
 *     ../shared/corpus ../shared/eval/dev.jsonl /tmp/minilm-cache</pre>
 */
public final class HybridEvalTool {
    private HybridEvalTool() {}

    public static void main(String[] args) {
        EmbeddingModel minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (FakeOllama ollama =
                FakeOllama.start(text -> minilm.embed(text).content().vector())) {
            ollama.models("all-minilm");
            List<String> eval = new ArrayList<>(List.of(
                    "--runbooks",
                    args[0],
                    "--questions",
                    args[1],
                    "--cache-dir",
                    args[2],
                    "--ollama-url",
                    ollama.baseUrl(),
                    "--embed-model",
                    "all-minilm",
                    "--ollama-timeout",
                    "60"));
            eval.addAll(List.of(args).subList(3, args.length));
            Object command = "bench".equals(System.getProperty("command")) ? new BenchCommand() : new EvalCommand();
            System.exit(new CommandLine(command).execute(eval.toArray(String[]::new)));
        }
    }
}
