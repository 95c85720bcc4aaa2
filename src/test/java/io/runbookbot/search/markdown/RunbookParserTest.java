package io.runbookbot.search.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.core.CodeBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookParserTest {
    private final RunbookParser parser = new RunbookParser();

    private Runbook parse(String markdown) {
        return parser.parse("ops/disk-full.md", markdown);
    }

    private List<String> texts(String markdown) {
        return parse(markdown).headings().stream().map(RunbookHeading::text).toList();
    }

    @Test
    void atxHeadingsGiveTextLevelAndLine() {
        Runbook runbook = parse("# Disk full\n\n## Diagnosis\n\ntext\n\n###### Deep\n");

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::level, RunbookHeading::line)
                .containsExactly(tuple("Disk full", 1, 1), tuple("Diagnosis", 2, 3), tuple("Deep", 6, 7));
    }

    @Test
    void atxClosingHashesAreDropped() {
        assertThat(texts("## Diagnosis ##\n\n### Fix #3 ###   \n")).containsExactly("Diagnosis", "Fix #3");
    }

    @Test
    void headingTextKeepsInlineMarkupAsWritten() {
        assertThat(texts("## Error: `connect: connection refused`\n\n## **Bold** and [link](x)\n"))
                .containsExactly("Error: `connect: connection refused`", "**Bold** and [link](x)");
    }

    @Test
    void hashWithoutSpaceIsNotAHeading() {
        assertThat(texts("#5 is not a heading\n\n####### nor is this\n")).containsExactly("disk full");
    }

    @Test
    void setextHeadingsUseTheTextLine() {
        Runbook runbook = parse("Disk full\n=========\n\nDiagnosis\n---------\n\ncheck df\n");

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::level, RunbookHeading::line)
                .containsExactly(tuple("Disk full", 1, 1), tuple("Diagnosis", 2, 4));
    }

    @Test
    void emptySetextHeadingBodyEndsOnItsTextLine() {
        RunbookHeading heading = parse("Title\n=====\n\n## Next\n").headings().get(0);

        assertThat(heading.bodyEndLine()).isEqualTo(1);
        assertThat(heading.endLine()).isEqualTo(4);
    }

    @Test
    void fencedCodeCommentIsNotAHeading() {
        String markdown = """
                # Disk full

                ```bash
                # list the biggest files
                du -sh /var/*
                ```

                ~~~
                # also not a heading
                Setext lookalike
                ---
                ~~~

                ## Fix
                """;

        assertThat(texts(markdown)).containsExactly("Disk full", "Fix");
    }

    @Test
    void thematicBreakAfterListIsNotASetextHeading() {
        assertThat(texts("# T\n\n- item\n---\n\ntext\n")).containsExactly("T");
    }

    @Test
    void yamlFrontMatterTitleIsTheTitleAndNotAHeading() {
        Runbook runbook = parse("---\ntitle: \"Disk Full\"\nweight: 2\n---\n\n## Meaning\n\ntext\n");

        assertThat(runbook.title()).isEqualTo("Disk Full");
        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::path, RunbookHeading::line)
                .containsExactly(tuple("Meaning", List.of("Meaning"), 6));
    }

    @Test
    void tomlFrontMatterTitleIsTheTitle() {
        Runbook runbook = parse("+++\ntitle = 'Node not ready'\n+++\n\n# Heading\n");

        assertThat(runbook.title()).isEqualTo("Node not ready");
        assertThat(texts("+++\ntitle = 'Node not ready'\n+++\n\n# Heading\n")).containsExactly("Heading");
    }

    @Test
    void frontMatterSetextLookalikeIsNotAHeading() {
        assertThat(parse("---\ntitle: x\n---\nbody\n").headings())
                .containsExactly(new RunbookHeading("x", 0, List.of("x"), 4, 4, 4));
    }

    @Test
    void frontMatterWithoutTitleFallsBackToFirstLevelOneHeading() {
        assertThat(parse("---\nweight: 1\n---\n# Disk Full Alert\n").title()).isEqualTo("Disk Full Alert");
    }

    @Test
    void frontMatterBlockScalarTitleIsNotUsed() {
        assertThat(parse("---\ntitle: >-\n  Long title\n---\n# Heading\n").title())
                .isEqualTo("Heading");
    }

    @Test
    void unterminatedFrontMatterIsOrdinaryMarkdown() {
        assertThat(parse("---\ntitle: T\n\n# Real\n").headings())
                .extracting(RunbookHeading::text, RunbookHeading::level, RunbookHeading::line)
                .containsExactly(tuple("Real", 0, 1), tuple("Real", 1, 4));
    }

    @Test
    void titleComesFromFileNameWhenThereIsNoLevelOneHeading() {
        assertThat(parse("## Only a level two\n").title()).isEqualTo("disk full");
        assertThat(RunbookParser.titleFromFileName("a/b/node_not-ready.markdown"))
                .isEqualTo("node not ready");
    }

    @Test
    void unclosedFenceIsClosedBeforeTheNextHeadingAfterABlankLine() {
        String markdown = """
                # Alert

                ## Diagnosis

                ```shell
                $ kubectl describe service
                # a comment, not a heading

                ## Mitigation

                TODO
                """;
        Runbook runbook = parse(markdown);

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::line)
                .containsExactly(tuple("Alert", 1), tuple("Diagnosis", 3), tuple("Mitigation", 9));
        assertThat(runbook.codeBlocks())
                .containsExactly(new CodeBlock("shell", "$ kubectl describe service\n# a comment, not a heading\n", 5));
        assertThat(runbook.lines()).hasSize(11).element(7).isEqualTo("");
    }

    @Test
    void unclosedFenceWithoutFollowingHeadingRunsToTheEnd() {
        Runbook runbook = parse("# A\n\n```\ncode\n\nmore\n");

        assertThat(runbook.headings()).extracting(RunbookHeading::text).containsExactly("A");
        assertThat(runbook.codeBlocks()).extracting(CodeBlock::code).containsExactly("code\n\nmore\n");
    }

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
    void frontMatterAloneGivesNoPreamble() {
        assertThat(parse("---\ntitle: T\n---\n\n").headings()).isEmpty();
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
    void codeBlocksCarryLanguageCodeAndFirstLine() {
        String markdown =
                "# T\n\n```bash title=\"x\"\ndf -h\n```\n\ntext\n\n    indented\n    code\n\n~~~\nplain\n~~~\n";

        assertThat(parse(markdown).codeBlocks())
                .containsExactly(
                        new CodeBlock("bash", "df -h\n", 3),
                        new CodeBlock("", "indented\ncode\n", 9),
                        new CodeBlock("", "plain\n", 12));
    }

    @Test
    void codeBlocksInsideListItemsAreFound() {
        assertThat(parse("1. step\n   ```sql\n   select 1;\n   ```\n").codeBlocks())
                .containsExactly(new CodeBlock("sql", "select 1;\n", 2));
    }

    @Test
    void htmlCommentsAndTablesStayBodyText() {
        String markdown = "# T\n\n<!-- note\n# not a heading\n-->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        Runbook runbook = parse(markdown);

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::bodyEndLine)
                .containsExactly(tuple("T", 9));
    }

    @Test
    void linesAreKeptVerbatimWithWindowsLineEndings() {
        Runbook runbook = parse("# T\r\n\r\n## A\r\n  body  \r\n");

        assertThat(runbook.lines()).containsExactly("# T", "", "## A", "  body  ");
        assertThat(runbook.headings()).extracting(RunbookHeading::line).containsExactly(1, 3);
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(texts("\uFEFF# Title\n")).containsExactly("Title");
    }

    @Test
    void emptyContentGivesNoHeadings() {
        Runbook runbook = parse("");

        assertThat(runbook.headings()).isEmpty();
        assertThat(runbook.title()).isEqualTo("disk full");
    }

    @Test
    void markdownFileWithoutHeadingsIsNotReadAsPlainText() {
        assertThat(texts("Intro\n\nStandalone Title Line\n\nbody text here.\n")).containsExactly("disk full");
    }
}
