package io.runbookbot.search.markdown;

import static io.runbookbot.search.markdown.ParsedRunbook.parse;
import static io.runbookbot.search.markdown.ParsedRunbook.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A runbook's title: YAML or TOML front matter, the first level-one heading, or the file name. */
class RunbookParserTitlesTest {
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
    void frontMatterAloneGivesNoPreamble() {
        assertThat(parse("---\ntitle: T\n---\n\n").headings()).isEmpty();
    }

    @Test
    void titleComesFromFileNameWhenThereIsNoLevelOneHeading() {
        assertThat(parse("## Only a level two\n").title()).isEqualTo("disk full");
        assertThat(RunbookParser.titleFromFileName("a/b/node_not-ready.markdown"))
                .isEqualTo("node not ready");
    }

    @Test
    void emptyContentGivesNoHeadings() {
        Runbook runbook = parse("");

        assertThat(runbook.headings()).isEmpty();
        assertThat(runbook.title()).isEqualTo("disk full");
    }
}
