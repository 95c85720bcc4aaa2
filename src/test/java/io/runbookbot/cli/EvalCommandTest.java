package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runbook-bot eval} on the shared seed runbooks and their dev questions. */
class EvalCommandTest {
    private static final Path QUESTIONS = RunbookFixture.shared().resolve("eval/seeds-dev.jsonl");
    private static final Path SEEDS = RunbookFixture.shared().resolve("seeds");

    private static CliRun eval() {
        return CliRun.of("eval", "--questions", QUESTIONS.toString(), "--runbooks", SEEDS.toString());
    }

    @Test
    void printsTheMetricsTableHeader() {
        assertThat(eval().outLines()).anyMatch(l -> l.matches("kind\\s+n\\s+hit@1\\s+hit@3\\s+MRR@5\\b.*"));
    }

    @Test
    void printsAnAllRowCountingEveryQuestion() throws IOException {
        long questions =
                Files.readAllLines(QUESTIONS).stream().filter(l -> !l.isBlank()).count();

        assertThat(eval().outLines())
                .anyMatch(l ->
                        l.matches("all\\s+" + questions + "\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}\\b.*"));
    }

    @Test
    void printsAWithheldColumnBesideAnsweredAndAbstainedAndSaysAbstentionsAreMisses() {
        List<String> lines = eval().outLines();

        assertThat(lines)
                .anyMatch(l ->
                        l.matches("kind\\s+n\\s+hit@1\\s+hit@3\\s+MRR@5\\s+answered\\s+withheld\\s+no-ans\\s+abstain"));
        assertThat(lines).anyMatch(l -> l.contains("an abstention is a miss at every k"));
    }

    @Test
    void printsHowManyAnswersFellInEachConfidenceBandAndHowManyOfThoseWereRight() {
        assertThat(eval().outLines())
                .anyMatch(
                        l -> l.matches(
                                "confidence bands, answered questions \\(share right at rank 1\\):"
                                        + "\\s+High \\d+ \\([01]\\.\\d{3}\\)\\s+Medium \\d+ \\([01]\\.\\d{3}\\)\\s+Low \\d+ \\([01]\\.\\d{3}\\)"));
    }

    @Test
    void exitsZero() {
        assertThat(eval().exitCode()).isZero();
    }
}
