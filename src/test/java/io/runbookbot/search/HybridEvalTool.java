package io.runbookbot.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.runbookbot.fakes.FakeOllama;
import java.io.IOException;

/**
 * Dev tool: serves a real embedding model (all-MiniLM-L6-v2, in process) as {@code all-minilm}
 * through the fake Ollama until stdin closes, so that the jar's {@code eval}, {@code bench} and
 * {@code search --jsonl} can rank hybrid. Prints the base URL on the first line.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.runbookbot.search.HybridEvalTool &lt; /dev/tty
 * java -jar target/runbook-bot.jar eval --runbooks ../shared/corpus --questions ../shared/eval/dev.jsonl \
 *     --ollama-url URL --embed-model all-minilm --ollama-timeout 60 --cache-dir target/fusion-cache --misses</pre>
 */
public final class HybridEvalTool {
    private HybridEvalTool() {}

    public static void main(String[] args) throws IOException {
        EmbeddingModel minilm = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (FakeOllama ollama =
                FakeOllama.start(text -> minilm.embed(text).content().vector())) {
            ollama.models("all-minilm");
            System.out.println(ollama.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until stdin closes
            }
        }
    }
}
