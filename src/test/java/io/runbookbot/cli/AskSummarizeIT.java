package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code runbook-bot ask --summarize}, in-process, against a fake Ollama on 127.0.0.1. */
@Timeout(20)
class AskSummarizeIT {
    private static final String QUESTION = "FATAL: sorry, too many clients already";
    private static final String RULE = "-".repeat(72);
    private static final String LABEL =
            "\u2728 Generated summary (llama3.1, from this section only; check it against the text below)";
    private static final String GROUNDED = "Reduce the pool size, or raise `max_connections` with\n"
            + "`ALTER SYSTEM SET max_connections = 200;` then `SELECT pg_reload_conf();`.";

    private final FakeOllama ollama = FakeOllama.start().models("llama3.1");

    @AfterEach
    void stop() {
        ollama.close();
    }

    private CliRun ask(String... args) {
        return askWithTimeout(3, args);
    }

    private CliRun askWithTimeout(int ollamaSeconds, String... args) {
        List<String> argv = new ArrayList<>(List.of(
                "ask",
                "--runbooks",
                RunbookFixture.RUNBOOKS,
                "--summarize",
                "--ollama-url",
                ollama.baseUrl(),
                "--chat-model",
                "llama3.1",
                "--ollama-timeout",
                Integer.toString(ollamaSeconds)));
        argv.addAll(List.of(args));
        return CliRun.of(argv.toArray(String[]::new));
    }

    @Test
    void printsTheLabelledSummaryBetweenTheLocationAndTheVerbatimSection() {
        ollama.script(ChatReply.text(GROUNDED));

        CliRun run = ask(QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("(confidence ")
                .contains(LABEL + ":\n  Reduce the pool size, or raise `max_connections` with\n"
                        + "  `ALTER SYSTEM SET max_connections = 200;` then `SELECT pg_reload_conf();`.\n" + RULE + "\n"
                        + RunbookFixture.lines("troubleshooting-guide.md", 131, 141) + "\n" + RULE);
        assertThat(ollama.callsTo("chat")
                        .get(0)
                        .json()
                        .path("messages")
                        .get(1)
                        .path("content")
                        .asText())
                .contains(QUESTION)
                .contains("ALTER SYSTEM SET max_connections = 200;");
    }

    @Test
    void jsonCarriesTheSummaryWithItsModelAndLabel() throws Exception {
        ollama.script(ChatReply.text("NOT_IN_SECTION"));

        JsonNode summary =
                new ObjectMapper().readTree(ask("--json", QUESTION).out()).get("summary");

        assertThat(summary.get("text").asText())
                .isEqualTo("This section does not seem to answer your question; read it, or try the next match.");
        assertThat(summary.get("answers_question").booleanValue()).isFalse();
        assertThat(summary.get("model").asText()).isEqualTo("llama3.1");
        assertThat(summary.get("label").asText()).isEqualTo(LABEL);
    }

    @Test
    void withoutAChatModelSaysSoOnStderrAndAnswersNormally() {
        CliRun run = CliRun.of("ask", "--runbooks", RunbookFixture.RUNBOOKS, "--summarize", "--ollama-url=", QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("note: --summarize needs a chat model").hasLineCount(1);
        assertThat(run.out()).doesNotContain("Generated summary").contains(RULE + "\n#### Too Many Connections");
    }

    @Test
    void aDeadOllamaGivesTheAnswerWithoutSummaryAndANote() {
        ollama.down();

        long start = System.nanoTime();
        CliRun run = askWithTimeout(30, QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("not waiting for the 30 s Ollama timeout")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(run.err()).contains("note: no summary");
        assertThat(run.out()).doesNotContain("Generated summary").contains(RULE + "\n#### Too Many Connections");
    }

    @Test
    void anInventedCommandIsNotShown() {
        ollama.script(ChatReply.text("Restart with `systemctl restart postgresql`."));

        CliRun run = ask(QUESTION);

        assertThat(run.out()).doesNotContain("Generated summary").doesNotContain("systemctl");
    }
}
