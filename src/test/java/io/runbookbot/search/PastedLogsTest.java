package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestRunbooks;
import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pasted log blocks asked against the fixture runbooks ({@link TestRunbooks}) are answered, not refused, with the
 * section about the error inside them: the error line is found among INFO lines and stack frames.
 */
class PastedLogsTest {
    private static IndexedRunbooks runbooks;

    @BeforeAll
    static void indexBundledRunbooks() {
        runbooks = IndexedRunbooks.open(TestRunbooks.DIR);
    }

    @AfterAll
    static void close() {
        runbooks.close();
    }

    private static String paste(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/pasted", name), StandardCharsets.UTF_8);
    }

    @Test
    void answersA61LinePsqlTooManyClientsTraceWithTheTooManyConnectionsSection() throws IOException {
        String trace = paste("psql-too-many-clients.log");
        assertThat(trace.lines().count()).isEqualTo(61);

        Answer answer = runbooks.ask(trace, 5);

        assertThat(answer.answered()).as("answered, not 'No runbook matches'").isTrue();
        RunbookSection best = answer.best().orElseThrow().section();
        assertThat(best.file()).isEqualTo("troubleshooting-guide.md");
        assertThat(best.heading()).isEqualTo("Too Many Connections");
    }

    @Test
    void answersAGunicornTracebackEndingInModuleNotFoundWithTheMissingDependenciesSection() throws IOException {
        Answer answer = runbooks.ask(paste("python-module-not-found.log"), 5);

        assertThat(answer.answered()).as("answered, not 'No runbook matches'").isTrue();
        RunbookSection best = answer.best().orElseThrow().section();
        assertThat(best.file()).isEqualTo("server-wont-start-flask.md");
        assertThat(best.path()).contains("Issue: Missing Dependencies");
    }

    @Test
    void aFencedPasteIsAnsweredLikeTheSameLinesUnfenced() throws IOException {
        String trace = paste("psql-too-many-clients.log");

        Answer fenced = runbooks.ask("seeing this since the deploy:\n```\n" + trace + "```", 5);

        assertThat(fenced.answered()).isTrue();
        assertThat(fenced.best().orElseThrow().section())
                .isEqualTo(runbooks.ask(trace, 5).best().orElseThrow().section());
    }
}
