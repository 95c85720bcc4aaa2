package io.runbookbot.search.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlainTextHeadingsTest {
    private static final String TITLE = "Runbook: Server Won't Start";
    private final RunbookParser parser = new RunbookParser();

    private static String seed003() throws IOException {
        Path seed = SharedFiles.seed003();
        assumeTrue(Files.isRegularFile(seed), "seed 003 not found at " + seed);
        return Files.readString(seed);
    }

    private Runbook parseSeed003(String content) {
        return parser.parse("seeds/003_b05da1b8e43c3103.txt", content);
    }

    @Test
    void seed003HeadingsAreInferredWithRestructuredTextStyleLevels() throws IOException {
        Runbook runbook = parseSeed003(seed003());

        assertThat(runbook.title()).isEqualTo(TITLE);
        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::level)
                .containsExactly(
                        tuple(TITLE, 0),
                        tuple(TITLE, 1),
                        tuple("Symptom", 2),
                        tuple("Quick Diagnosis", 2),
                        tuple("Common Causes", 2),
                        tuple("Resolution Steps", 2),
                        tuple("§1. Port Conflict", 3),
                        tuple("Resolution A: Kill stale process", 4),
                        tuple("Resolution B: Change port", 4),
                        tuple("§2. TLS Certificate Error", 3),
                        tuple("Resolution A: Certificate expired", 4),
                        tuple("Resolution B: Wrong file paths", 4),
                        tuple("Resolution C: Certificate/key mismatch", 4),
                        tuple("§3. WAL Corruption", 3),
                        tuple("Resolution: Restore from backup", 4),
                        tuple("§4. Disk Full", 3),
                        tuple("§5. Permission Issues", 3),
                        tuple("Resolution A: Fix ownership", 4),
                        tuple("Resolution B: SELinux context", 4),
                        tuple("Resolution C: Container user mismatch", 4),
                        tuple("Validation", 2),
                        tuple("Prevention", 2),
                        tuple("Monitoring", 2),
                        tuple("Configuration Changes", 2),
                        tuple("Example: Automated TLS renewal", 4),
                        tuple("Startup Sequence Reference", 2),
                        tuple("Environment Variables Reference", 2),
                        tuple("Last Updated", 2));
    }

    @Test
    void seed003CommitMessageBeforeTheTitleIsThePreamble() throws IOException {
        Runbook runbook = parseSeed003(seed003());

        assertThat(runbook.headings().get(0)).isEqualTo(new RunbookHeading(TITLE, 0, List.of(TITLE), 1, 43, 43));
        assertThat(runbook.codeBlocks()).isEmpty();
    }

    @Test
    void seed003SectionsHaveLinesPathsAndEnds() throws IOException {
        List<RunbookHeading> headings = parseSeed003(seed003()).headings();

        assertThat(headings)
                .filteredOn(h -> h.text().startsWith("Resolution A: Kill"))
                .containsExactly(new RunbookHeading(
                        "Resolution A: Kill stale process",
                        4,
                        List.of(TITLE, "Resolution Steps", "§1. Port Conflict", "Resolution A: Kill stale process"),
                        120,
                        136,
                        136));
        assertThat(headings)
                .filteredOn(h -> h.text().equals("Environment Variables Reference"))
                .extracting(RunbookHeading::line, RunbookHeading::bodyEndLine)
                .containsExactly(tuple(453, 462));
    }

    @Test
    void seed003HasNoFalsePositiveHeadings() throws IOException {
        List<String> texts = parseSeed003(seed003()).headings().stream()
                .map(RunbookHeading::text)
                .toList();

        assertThat(texts)
                .doesNotContain(
                        "Diagnostic:",
                        "Metrics Alerts:",
                        "11 KiB",
                        "2026-02-11",
                        "# Check if port 18180 is in use",
                        "Check if port 18180 is in use",
                        "lsof -i :18180",
                        "Server won't start",
                        "API Layer",
                        "## API Layer",
                        "Expected output after restore:");
    }

    @Test
    void tabIndentedRenderingGivesTheSameHeadings() throws IOException {
        String content = seed003();
        String indented = content.lines().map(l -> l.isEmpty() ? l : "\t" + l).collect(Collectors.joining("\n"));

        assertThat(parseSeed003(indented).headings())
                .isEqualTo(parseSeed003(content).headings());
        assertThat(parseSeed003(indented).lines().get(44)).isEqualTo("\t" + TITLE);
    }

    @Test
    void spaceIndentedLinesAreDedentedForAnalysis() {
        List<String> lines = List.of("    Title", "", "    Body line.", "      code", "", "    Next Part");

        assertThat(PlainTextHeadings.find(lines, 1))
                .extracting(HeadingLine::text, HeadingLine::level, HeadingLine::line)
                .containsExactly(tuple("Title", 1, 1), tuple("Next Part", 2, 6));
    }

    @Test
    void headingLineMustStandBetweenBlankLines() {
        List<String> lines = List.of("Title", "", "Not Alone", "next line", "", "Alone", "");

        assertThat(PlainTextHeadings.find(lines, 1))
                .extracting(HeadingLine::text)
                .containsExactly("Title", "Alone");
    }

    @Test
    void stylesGetLevelsInOrderOfFirstAppearance() {
        List<String> lines = List.of(
                "Title",
                "",
                "**Bold Part**",
                "",
                "2. Numbered",
                "",
                "2.1 Sub Numbered",
                "",
                "Label: text",
                "",
                "Plain",
                "",
                "**Bold Again**");

        assertThat(PlainTextHeadings.find(lines, 1))
                .extracting(HeadingLine::text, HeadingLine::level)
                .containsExactly(
                        tuple("Title", 1),
                        tuple("**Bold Part**", 2),
                        tuple("2. Numbered", 3),
                        tuple("2.1 Sub Numbered", 4),
                        tuple("Label: text", 5),
                        tuple("Plain", 6),
                        tuple("**Bold Again**", 2));
    }

    @Test
    void candidateRulesRejectBodyLikeLines() {
        assertThat(List.of(
                        "Diagnostic:",
                        "Done.",
                        "First, then,",
                        "Stop!",
                        "11 KiB",
                        "2026-02-11",
                        "lowercase start",
                        "Use `kubectl`",
                        "See http://x",
                        "Cost $5",
                        "A = b",
                        "Tag <b>",
                        "[Link]",
                        "X",
                        "A1",
                        "Far Too Many Words In This Line To Be A Heading At All Really Yes",
                        "  Indented Heading"))
                .noneMatch(HeadingCandidate::accepts);
        assertThat(List.of(
                        "Quick Diagnosis",
                        "§1. Port Conflict",
                        "2. Foo",
                        "2.1 Bar",
                        "Resolution A: Kill it",
                        "**whole line bold**",
                        "Why is it slow?",
                        "Étape Deux"))
                .allMatch(HeadingCandidate::accepts);
    }

    @Test
    void markdownTextFileKeepsItsMarkdownHeadings() {
        Runbook runbook = parser.parse("notes.txt", "# Title\n\n```\n# comment\ncmd\n```\n\n## Part\n\nbody\n");

        assertThat(runbook.headings()).extracting(RunbookHeading::text).containsExactly("Title", "Part");
    }

    @Test
    void textFileWithoutMarkdownHeadingsIsReadAsPlainText() {
        Runbook runbook = parser.parse("notes.txt", "Disk Full\n\nThe disk is full.\n\nFix It\n\nrm -rf /tmp/x\n");

        assertThat(runbook.headings())
                .extracting(RunbookHeading::text, RunbookHeading::level, RunbookHeading::path)
                .containsExactly(
                        tuple("Disk Full", 1, List.of("Disk Full")),
                        tuple("Fix It", 2, List.of("Disk Full", "Fix It")));
    }
}
