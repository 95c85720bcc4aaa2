package io.runbookbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.Summary;
import io.runbookbot.fakes.FakeOllama;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.Fault;
import io.runbookbot.fakes.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link OllamaSummarizer} with the real langchain4j client against a fake Ollama on 127.0.0.1. */
@Timeout(20)
class OllamaSummarizerIT {
    static final String QUESTION = "FATAL: sorry, too many clients already";
    static final RunbookSection SECTION = new RunbookSection(
            "database.md",
            "Database",
            "Too Many Connections",
            List.of("Database", "Too Many Connections"),
            2,
            10,
            17,
            """
            ## Too Many Connections

            Check how many connections are open:

            ```sql
            SELECT count(*) FROM pg_stat_activity;
            ```

            Raise the limit with `ALTER SYSTEM SET max_connections = 200;` then reload.
            """,
            List.of());
    /** Roomy, for a cold JVM's first call; the slow-model test uses {@link #SHORT}. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final Duration SHORT = Duration.ofMillis(500);

    private final FakeOllama ollama = FakeOllama.start().models("llama3.1");
    private final MutableClock clock = new MutableClock();

    @TempDir
    Path prompts;

    private OllamaSummarizer summarizer;

    @BeforeEach
    void copyTheShippedPrompts() throws IOException {
        for (String name : List.of(OllamaSummarizer.SYSTEM_TEMPLATE, OllamaSummarizer.USER_TEMPLATE)) {
            Files.copy(Path.of("prompts", name), prompts.resolve(name));
        }
        summarizer = OllamaSummarizer.builder(ollama.baseUrl(), "llama3.1")
                .timeout(TIMEOUT)
                .prompts(prompts)
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        summarizer.close();
        ollama.close();
    }

    private Optional<Summary> summarize() {
        return summarizer.summarize(QUESTION, SECTION);
    }

    @Test
    void returnsAGroundedSummaryLabelledWithTheModel() {
        ollama.script(ChatReply.text("Count open connections with `SELECT count(*) FROM pg_stat_activity;`, then "
                + "raise `max_connections` and reload."));

        assertThat(summarize())
                .contains(new Summary(
                        "Count open connections with `SELECT count(*) FROM "
                                + "pg_stat_activity;`, then raise `max_connections` and reload.",
                        "llama3.1",
                        true));
    }

    @Test
    void sendsTheSectionAndTheQuestionFromTheTemplatesWithTemperatureZero() {
        ollama.script(ChatReply.text("Raise the limit, then reload."));

        summarize();

        JsonNode request = ollama.awaitCall("chat", Duration.ofSeconds(2)).json();
        JsonNode messages = request.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("reply with exactly NOT_IN_SECTION");
        assertThat(messages.get(1).path("content").asText())
                .contains("Question from the on-call engineer:\n" + QUESTION + "\n")
                .contains("Section: Database > Too Many Connections (database.md:10-17)")
                .contains("<<<SECTION\n" + SECTION.text());
        assertThat(request.path("model").asText()).isEqualTo("llama3.1");
        assertThat(request.path("options").path("temperature").asDouble(-1)).isZero();
    }

    @Test
    void notInSectionBecomesADoesNotAnswerSummary() {
        ollama.script(ChatReply.text("NOT_IN_SECTION"));

        assertThat(summarize()).contains(new Summary(OllamaSummarizer.DOES_NOT_ANSWER, "llama3.1", false));
    }

    @Test
    void dropsASummaryThatInventsACommand() {
        ollama.script(ChatReply.text("Restart the database with `systemctl restart postgresql`."));

        assertThat(summarize()).isEmpty();
    }

    @Test
    void dropsASummaryThatInventsAValueOutsideBackticks() {
        ollama.script(ChatReply.text("Set max_connections = 500 and reload."));

        assertThat(summarize()).isEmpty();
    }

    @Test
    void masksSecretsInTheSummary() {
        RunbookSection withSecret = new RunbookSection(
                "db.md",
                "Db",
                "Login",
                List.of("Db", "Login"),
                2,
                1,
                3,
                "## Login\n\nConnect with `psql postgresql://app:hunter2@db:5432/app`.\n",
                List.of());
        ollama.script(ChatReply.text("Connect with `psql postgresql://app:****@db:5432/app`."));

        assertThat(summarizer.summarize("how do I log in", withSecret))
                .map(Summary::text)
                .contains("Connect with `psql postgresql://app:****@db:5432/app`.");
        assertThat(ollama.callsTo("chat").get(0).body()).doesNotContain("hunter2");
    }

    @Test
    void cutsALongSummaryAtASentenceEnd() {
        String sentence = "Raise the limit, then reload. ";
        ollama.script(ChatReply.text(sentence.repeat(40)));

        String text = summarize().orElseThrow().text();

        assertThat(text)
                .hasSizeLessThanOrEqualTo(OllamaSummarizer.MAX_CHARS + 2)
                .endsWith("reload. …");
    }

    @Test
    void aSlowModelGivesNoSummaryWithinTheDeadline() {
        ollama.script(ChatReply.text("Raise the limit, then reload."));
        ollama.inject(Fault.slow(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        Optional<Summary> summary;
        try (OllamaSummarizer impatient = OllamaSummarizer.builder(ollama.baseUrl(), "llama3.1")
                .timeout(SHORT)
                .prompts(prompts)
                .build()) {
            summary = impatient.summarize(QUESTION, SECTION);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(summary).isEmpty();
        assertThat(elapsedMillis).isBetween(SHORT.toMillis() - 50, SHORT.toMillis() + 700);
    }

    @Test
    void aServerErrorGivesNoSummaryAndNoRetry() {
        ollama.inject(Fault.httpStatus(500));

        assertThat(summarize()).isEmpty();
        assertThat(ollama.callsTo("chat")).hasSize(1);
    }

    @Test
    void malformedJsonGivesNoSummary() {
        ollama.inject(Fault.malformedJson());

        assertThat(summarize()).isEmpty();
    }

    @Test
    void aRefusedConnectionGivesNoSummaryQuickly() {
        ollama.down();

        long start = System.nanoTime();
        assertThat(summarize()).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void afterAFailureSkipsTheModelForTheCooldownThenTriesAgain() {
        ollama.inject(Fault.httpStatus(500), 1);
        ollama.script(ChatReply.text("Raise the limit, then reload."));
        summarize();

        clock.advance(Duration.ofSeconds(29));
        assertThat(summarize()).isEmpty();
        assertThat(ollama.callsTo("chat")).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(summarize()).map(Summary::text).contains("Raise the limit, then reload.");
        assertThat(ollama.callsTo("chat")).hasSize(2);
    }

    @Test
    void anEditedTemplateChangesTheNextRequest() throws IOException {
        ollama.script(ChatReply.text("Raise the limit, then reload."), ChatReply.text("Raise the limit, then reload."));
        summarize();
        Files.writeString(prompts.resolve(OllamaSummarizer.USER_TEMPLATE), "Q: {{question}}\n---\n{{section}}");

        summarize();

        String second = ollama.callsTo("chat")
                .get(1)
                .json()
                .path("messages")
                .get(1)
                .path("content")
                .asText();
        assertThat(second).isEqualTo("Q: " + QUESTION + "\n---\n" + SECTION.text());
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderGivesNoSummaryAndNoCall() throws IOException {
        Files.writeString(prompts.resolve(OllamaSummarizer.USER_TEMPLATE), "{{questoin}}");

        assertThat(summarize()).isEmpty();
        assertThat(ollama.calls().all()).isEmpty();
    }

    @Test
    void aMissingTemplateGivesNoSummaryAndNoCall() throws IOException {
        Files.delete(prompts.resolve(OllamaSummarizer.SYSTEM_TEMPLATE));

        assertThat(summarize()).isEmpty();
        assertThat(ollama.calls().all()).isEmpty();
    }
}
