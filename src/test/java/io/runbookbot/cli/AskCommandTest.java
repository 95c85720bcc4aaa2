package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runbook-bot ask} on the fixture runbooks ({@link io.runbookbot.TestRunbooks}), run in-process. */
class AskCommandTest {
    private static final String QUESTION = "FATAL: sorry, too many clients already";
    /**
     * README's first example; its answer (lines 29-56) used to list its own subsections at 31 and 36.
     * Asked of the shipped runbooks on purpose: the README promises this answer from them.
     */
    private static final String README_QUESTION = "uvicorn won't start: [Errno 98] Address already in use";

    private static final String RULE = "-".repeat(72);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun ask(String... args) {
        return askIn(RunbookFixture.RUNBOOKS, args);
    }

    private static CliRun askIn(String runbooks, String... args) {
        List<String> argv = new ArrayList<>(List.of("ask", "--runbooks", runbooks));
        argv.addAll(List.of(args));
        return CliRun.of(argv.toArray(String[]::new));
    }

    @Test
    void exitsZeroWhenARunbookAnswers() {
        assertThat(ask(QUESTION).exitCode()).isZero();
    }

    @Test
    void printsTheHeadingPathOfTheAnswerFirst() {
        assertThat(ask(QUESTION).outLines().get(0))
                .isEqualTo(
                        "Troubleshooting Guide > Database Connection Issues > Common Causes & Solutions > Too Many Connections");
    }

    @Test
    void printsFileAndLineRangeOfTheAnswer() {
        assertThat(ask(QUESTION).outLines().get(1)).startsWith("troubleshooting-guide.md:131-141  (confidence ");
    }

    @Test
    void printsTheSectionVerbatimBetweenRules() {
        String section = RunbookFixture.lines("troubleshooting-guide.md", 131, 141);

        assertThat(ask(QUESTION).out()).contains(RULE + "\n" + section + "\n" + RULE + "\n");
    }

    @Test
    void printsTheFencedCodeBlockOfTheSectionWithItsFences() {
        assertThat(ask(QUESTION).out()).contains("""
                ```sql
                -- In PostgreSQL
                ALTER SYSTEM SET max_connections = 200;
                SELECT pg_reload_conf();
                ```
                """);
    }

    @Test
    void listsOtherCandidatesWithTheirPathAndLocation() {
        assertThat(ask(QUESTION).out())
                .contains("Other candidates:\n"
                        + "  1. Troubleshooting Guide > Application Won't Start > Common Causes & Solutions > Port Already in Use"
                        + "  (troubleshooting-guide.md:74-88)\n");
    }

    @Test
    void otherCandidatesLeaveOutTheParentsOfTheAnswer() {
        assertThat(ask(QUESTION).out())
                .doesNotContain("(troubleshooting-guide.md:118-161)")
                .doesNotContain("(troubleshooting-guide.md:92-161)");
    }

    @Test
    void jsonMatchesOfTheReadmeFirstQuestionNeverOverlapOneAnother() throws Exception {
        JsonNode matches = JSON.readTree(
                        askIn(RunbookFixture.SHIPPED, "--json", README_QUESTION).out())
                .get("matches");

        assertThat(matches.get(0).get("file").asText()).isEqualTo("server-wont-start-flask.md");
        assertThat(matches.get(0).get("line").intValue()).isEqualTo(29);
        assertThat(matches)
                .as("still five matches: the next hits that do not overlap take their places")
                .hasSize(5);
        for (int i = 0; i < matches.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(overlap(matches.get(i), matches.get(j)))
                        .as(
                                "match %s overlaps match %s: %s / %s",
                                i, j, location(matches.get(i)), location(matches.get(j)))
                        .isFalse();
            }
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.get("file").asText().equals(b.get("file").asText())
                && a.get("line").intValue() <= b.get("end_line").intValue()
                && b.get("line").intValue() <= a.get("end_line").intValue();
    }

    private static String location(JsonNode m) {
        return m.get("file").asText() + ":" + m.get("line").intValue() + "-"
                + m.get("end_line").intValue();
    }

    @Test
    void listsTopMinusOneOtherCandidates() {
        assertThat(ask("--top", "3", QUESTION).outLines())
                .filteredOn(l -> l.matches("  \\d\\. .*"))
                .hasSize(2);
    }

    @Test
    void topOneListsNoOtherCandidates() {
        assertThat(ask("--top", "1", QUESTION).out()).doesNotContain("Other candidates");
    }

    @Test
    void joinsUnquotedWordsIntoOneQuestion() {
        assertThat(ask("FATAL:", "sorry,", "too", "many", "clients", "already")
                        .outLines()
                        .get(0))
                .endsWith("> Too Many Connections");
    }

    @Test
    void jsonHasQuestionConfidenceAnsweredMatchesAndDiagnostics() throws Exception {
        JsonNode json = JSON.readTree(ask("--json", QUESTION).out());

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("question", "confidence", "answered", "matches", "diagnostics");
        assertThat(json.get("question").asText()).isEqualTo(QUESTION);
        assertThat(json.get("answered").booleanValue()).isTrue();
        assertThat(json.get("confidence").doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void jsonMatchesCarryLocationScoreAndVerbatimText() throws Exception {
        JsonNode best =
                JSON.readTree(ask("--json", QUESTION).out()).get("matches").get(0);

        assertThat(best.fieldNames())
                .toIterable()
                .containsExactly("file", "heading", "path", "line", "end_line", "score", "text");
        assertThat(best.get("file").asText()).isEqualTo("troubleshooting-guide.md");
        assertThat(best.get("heading").asText()).isEqualTo("Too Many Connections");
        assertThat(best.get("path"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "Troubleshooting Guide",
                        "Database Connection Issues",
                        "Common Causes & Solutions",
                        "Too Many Connections");
        assertThat(best.get("line").intValue()).isEqualTo(131);
        assertThat(best.get("end_line").intValue()).isEqualTo(141);
        assertThat(best.get("score").isNumber()).isTrue();
        assertThat(best.get("text").asText()).isEqualTo(RunbookFixture.lines("troubleshooting-guide.md", 131, 141));
    }

    @Test
    void jsonListsTopNMatchesBestFirst() throws Exception {
        JsonNode matches =
                JSON.readTree(ask("--json", "--top", "3", QUESTION).out()).get("matches");

        assertThat(matches).hasSize(3);
        assertThat(matches)
                .extracting(m -> m.get("score").doubleValue())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void saysNoRunbookMatchesForAQuestionNoRunbookCovers() {
        CliRun run = ask("wireguard tunnel handshake ok but no traffic");

        assertThat(run.outLines().get(0))
                .isEqualTo("No runbook matches \"wireguard tunnel handshake ok but no traffic\".");
        assertThat(run.out()).contains("Closest sections, low confidence:\n  1. ");
    }

    @Test
    void exitsThreeWhenNoRunbookMatches() {
        assertThat(ask("wireguard tunnel handshake ok but no traffic").exitCode())
                .isEqualTo(3);
    }

    @Test
    void jsonSaysNotAnsweredWhenNoRunbookMatches() throws Exception {
        CliRun run = ask("--json", "wireguard tunnel handshake ok but no traffic");

        assertThat(JSON.readTree(run.out()).get("answered").booleanValue()).isFalse();
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void missingRelativeRunbookFolderIsNamedWithTheDirectoryItWasLookedFor() {
        CliRun run = CliRun.of("ask", "--runbooks", "no-such-runbooks", "port already in use");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("runbook-bot: Runbook folder not found: no-such-runbooks ("
                        + Path.of("no-such-runbooks").toAbsolutePath().normalize() + ")\n");
    }

    @Test
    void missingRunbookFolderExitsTwoWithAMessageNamingIt() {
        CliRun run = CliRun.of("ask", "--runbooks", "/does/not/exist", "port already in use");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("runbook-bot: Runbook folder not found: " + Path.of("/does/not/exist") + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runbookFolderThatIsAFileExitsTwoWithAMessageNamingIt() {
        CliRun run = CliRun.of("ask", "--runbooks", "pom.xml", "port already in use");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("runbook-bot: Runbook folder is not a directory: pom.xml\n");
    }
}
