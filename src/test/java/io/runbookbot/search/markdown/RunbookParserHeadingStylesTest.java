package io.runbookbot.search.markdown;

import static io.runbookbot.search.markdown.ParsedRunbook.parse;
import static io.runbookbot.search.markdown.ParsedRunbook.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Which lines are headings: ATX and setext styles, their look-alikes, byte order marks and CRLF. */
class RunbookParserHeadingStylesTest {
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
    void thematicBreakAfterListIsNotASetextHeading() {
        assertThat(texts("# T\n\n- item\n---\n\ntext\n")).containsExactly("T");
    }

    @Test
    void markdownFileWithoutHeadingsIsNotReadAsPlainText() {
        assertThat(texts("Intro\n\nStandalone Title Line\n\nbody text here.\n")).containsExactly("disk full");
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(texts("\uFEFF# Title\n")).containsExactly("Title");
    }

    @Test
    void linesAreKeptVerbatimWithWindowsLineEndings() {
        Runbook runbook = parse("# T\r\n\r\n## A\r\n  body  \r\n");

        assertThat(runbook.lines()).containsExactly("# T", "", "## A", "  body  ");
        assertThat(runbook.headings()).extracting(RunbookHeading::line).containsExactly(1, 3);
    }
}
