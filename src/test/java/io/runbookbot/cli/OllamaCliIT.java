package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.fakes.FakeOllama;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask} and {@code eval} with {@code --ollama-url}: hybrid when Ollama answers, keyword when it does not. */
class OllamaCliIT {
    private static final String QUESTION = "FATAL: sorry, too many clients already";
    private final FakeOllama ollama = FakeOllama.start();

    @TempDir
    Path cache;

    @AfterEach
    void stop() {
        ollama.close();
    }

    @Test
    void askEmbedsTheRunbooksOnceAndCachesThemOnDisk() {
        CliRun first = CliRun.of(
                "ask",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--ollama-url",
                ollama.baseUrl(),
                "--cache-dir",
                cache.toString(),
                "the thingamajig went kaput overnight");
        int embedCalls = ollama.callsTo("embed").size();
        CliRun second = CliRun.of(
                "ask",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--ollama-url",
                ollama.baseUrl(),
                "--cache-dir",
                cache.toString(),
                "the thingamajig went kaput overnight");

        // no keyword matches the question, so it is embedded (HybridFusion.DEFAULT is keyword alone
        // and asks for no vector when keyword search has a candidate); nothing answers it: exit 3
        assertThat(first.exitCode()).isEqualTo(3);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(embedCalls).isGreaterThan(1);
        assertThat(ollama.callsTo("embed").size())
                .as("second run: only the question")
                .isEqualTo(embedCalls + 1);
        assertThat(cache.resolve("embeddings-nomic-embed-text.bin")).isRegularFile();
    }

    @Test
    void askWithADeadOllamaStillAnswersFromKeywordSearch() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        CliRun run = CliRun.of(
                "ask",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--ollama-url",
                "http://127.0.0.1:" + deadPort,
                "--cache-dir",
                cache.toString(),
                QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).endsWith("Too Many Connections");
    }

    @Test
    void searchJsonlRanksHybridWithTheSameOptionsAsAskAndKeepsItsContract() {
        String line = "{\"id\": \"q1\", \"question\": \"backend keeps crashing after deploy\"}\n";
        CliRun keyword = CliRun.withStdin(line, "search", "--jsonl", "--runbooks", RunbookFixture.RUNBOOKS);
        CliRun hybrid = CliRun.withStdin(
                line,
                "search",
                "--jsonl",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--ollama-url",
                ollama.baseUrl(),
                "--cache-dir",
                cache.toString());

        assertThat(hybrid.exitCode()).isZero();
        assertThat(ollama.callsTo("embed"))
                .as("runbooks and the question embedded")
                .hasSizeGreaterThan(1);
        assertThat(hybrid.outLines())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith("{\"id\":\"q1\",\"answered\":")
                        .contains("\"matches\":[{\"file\":")
                        .doesNotContain("notices"));
        assertThat(keyword.outLines())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("{\"id\":\"q1\""));
    }

    @Test
    void searchJsonlWithADeadOllamaStillAnswersFromKeywordSearch() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        String line = "{\"id\": 7, \"question\": \"" + QUESTION + "\"}\n";
        CliRun keyword = CliRun.withStdin(line, "search", "--jsonl", "--runbooks", RunbookFixture.RUNBOOKS);
        CliRun run = CliRun.withStdin(
                line,
                "search",
                "--jsonl",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--ollama-url",
                "http://127.0.0.1:" + deadPort,
                "--cache-dir",
                cache.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).isEqualTo(keyword.outLines());
    }

    @Test
    void evalComparesKeywordAndHybrid() {
        CliRun run = CliRun.of(
                "eval",
                "--runbooks",
                RunbookFixture.shared().resolve("seeds").toString(),
                "--questions",
                RunbookFixture.shared().resolve("eval/seeds-dev.jsonl").toString(),
                "--ollama-url",
                ollama.baseUrl(),
                "--cache-dir",
                cache.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("keyword:", "hybrid (nomic-embed-text):", "hit@1 change: all ");
    }

    @Test
    void evalWithADeadOllamaSaysSoAndExitsThree() {
        ollama.down();
        CliRun run = CliRun.of(
                "eval",
                "--runbooks",
                RunbookFixture.shared().resolve("seeds").toString(),
                "--questions",
                RunbookFixture.shared().resolve("eval/seeds-dev.jsonl").toString(),
                "--ollama-url",
                ollama.baseUrl(),
                "--cache-dir",
                cache.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot embed the runbooks with nomic-embed-text");
    }
}
