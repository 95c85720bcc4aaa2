package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.AnswerUnits;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionLinesTest {

    /** Line ~ its commands, joined by " ¦ ". */
    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', textBlock = """
            lsof -i :8000 ~ lsof -i :8000
            $ sudo lsof -i :8000  # who listens ~ lsof -i :8000
            `# lsof -i :8000` ~ ``
            df -h && free -m; uptime || true ~ df -h ¦ free -m ¦ uptime ¦ true
            grep -i "error\\|fatal" x.log | tail -n 20 ~ grep -i "error\\|fatal" x.log | tail -n 20
            echo 'a # b; c' # comment ~ echo 'a # b; c'
            curl http://x/#/a ~ curl http://x/#/a
            if curl -s http://localhost:8000/health; then ~ curl -s http://localhost:8000/health
            time sudo df -h ~ df -h
            docker ps ~ docker ps
            kill -9 $(lsof -t -i :8000) ~ kill -9 $(lsof -t -i :8000)
            """)
    void splitsALineIntoCleanedCommands(String line, String expected) {
        List<String> commands = SuggestionLines.commands(line);

        assertThat(String.join(" ¦ ", commands)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void joinsContinuationLinesAndNumbersLinesInTheRunbook() {
        String code = "curl -s \\\n    http://localhost:8000/health\n\ndf -h\n";

        assertThat(SuggestionLines.of(code, 10))
                .extracting(SuggestionLines.CommandLine::lineNumber, SuggestionLines.CommandLine::text)
                .containsExactly(tuple(10, "curl -s http://localhost:8000/health"), tuple(13, "df -h"));
    }

    @Test
    void numbersFencedAndIndentedBlocksFromTheirFirstCodeLine() {
        String markdown = """
                # Disk

                ## Check

                ```bash
                df -h
                ```

                Then:

                    free -m
                """;
        RunbookSection check = AnswerUnits.of(new RunbookParser().parse("x.md", markdown)).stream()
                .filter(s -> s.heading().equals("Check"))
                .findFirst()
                .orElseThrow();

        assertThat(SuggestionLines.of(check))
                .extracting(SuggestionLines.CommandLine::lineNumber, SuggestionLines.CommandLine::text)
                .containsExactly(tuple(6, "df -h"), tuple(11, "free -m"));
    }
}
