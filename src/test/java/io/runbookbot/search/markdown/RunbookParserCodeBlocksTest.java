package io.runbookbot.search.markdown;

import static io.runbookbot.search.markdown.ParsedRunbook.parse;
import static io.runbookbot.search.markdown.ParsedRunbook.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.core.CodeBlock;
import org.junit.jupiter.api.Test;

/** Code blocks: fenced, indented and in lists, unclosed fences, and headings inside code that are not headings. */
class RunbookParserCodeBlocksTest {
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
}
