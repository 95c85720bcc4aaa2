package io.runbookbot.search.markdown;

import static io.runbookbot.search.markdown.ParsedRunbook.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where sections start and end: the preamble, heading paths, body and subtree end lines. */
class RunbookParserSectionBoundsTest {
    @Test
    void preambleIsLevelZeroTitledAfterTheRunbook() {
        Runbook runbook = parse("\n\nSome intro\ntext\n\n\n# Disk Full\n\nbody\n");

        assertThat(runbook.headings())
                .extracting(
                        RunbookHeading::text,
                        RunbookHeading::level,
                        RunbookHeading::path,
                        RunbookHeading::line,
                        RunbookHeading::bodyEndLine,
                        RunbookHeading::endLine)
                .containsExactly(
                        tuple("Disk Full", 0, List.of("Disk Full"), 3, 4, 4),
                        tuple("Disk Full", 1, List.of("Disk Full"), 7, 9, 9));
    }

    @Test
    void fileWithoutHeadingsIsAllPreamble() {
        Runbook runbook = parse("just\n\ntext\n\n");

        assertThat(runbook.headings())
                .containsExactly(new RunbookHeading("disk full", 0, List.of("disk full"), 1, 3, 3));
    }

    @Test
    void pathFollowsNestedLevelsAndSkips() {
        String markdown = "## Orphan\n# Top\n### Skipped two\n## Two\n#### Four\n## Two again\n# Next top\n";

        assertThat(parse(markdown).headings())
                .extracting(RunbookHeading::path)
                .containsExactly(
                        List.of("Orphan"),
                        List.of("Top"),
                        List.of("Top", "Skipped two"),
                        List.of("Top", "Two"),
                        List.of("Top", "Two", "Four"),
                        List.of("Top", "Two again"),
                        List.of("Next top"));
    }

    @Test
    void bodyEndAndSubtreeEndExcludeTrailingBlankLines() {
        String markdown = """
                # Title
                intro

                ## A
                a1
                a2


                ### A.1

                deep


                ## B
                """;
        Runbook runbook = parse(markdown);

        assertThat(runbook.headings())
                .extracting(
                        RunbookHeading::text,
                        RunbookHeading::line,
                        RunbookHeading::bodyEndLine,
                        RunbookHeading::endLine)
                .containsExactly(
                        tuple("Title", 1, 2, 14),
                        tuple("A", 4, 6, 11),
                        tuple("A.1", 9, 11, 11),
                        tuple("B", 14, 14, 14));
    }

    @Test
    void htmlCommentsAndTablesStayBodyText() {
        String markdown = "# T\n\n<!-- note\n# not a heading\n-->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        Runbook runbook = parse(markdown);

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::bodyEndLine)
                .containsExactly(tuple("T", 9));
    }
}
