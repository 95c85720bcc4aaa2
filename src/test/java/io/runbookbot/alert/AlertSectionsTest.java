package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.IndexedRunbooks;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSectionsTest {
    private static final String FILLING_UP = "po/content/runbooks/node/NodeFilesystemSpaceFillingUp.md";

    private IndexedRunbooks indexed;
    private AlertSections prefixed;
    private AlertSections bare;

    @BeforeAll
    void index(@TempDir Path dir) {
        indexed = IndexedRunbooks.open(AlertRunbookFixture.write(dir));
        prefixed = AlertRunbookFixture.sections(indexed, AlertRunbookFixture.PROM, AlertRunbookFixture.OPENSHIFT);
        bare = AlertRunbookFixture.sections(indexed);
    }

    @AfterAll
    void close() {
        indexed.close();
    }

    private static Map<String, String> url(String url) {
        return Map.of("runbook_url", url);
    }

    @Test
    void runbookUrlThroughAPrefixIgnoresCaseAndMissingMdAndShowsDiagnosisWithTheMeaningLine() {
        AlertMatch m = prefixed.match(
                "SomethingElse",
                Map.of(),
                url("https://RUNBOOKS.example.dev/runbooks/node/nodefilesystemspacefillingup"));

        assertThat(m.method()).isEqualTo(AlertMatch.Method.RUNBOOK_URL);
        assertThat(m.file()).contains(FILLING_UP);
        assertThat(m.section().map(RunbookSection::heading)).contains("Diagnosis");
        assertThat(m.meaning())
                .contains("This alert fires when a filesystem is predicted to run out of space within the next hours.");
        assertThat(m.steps().get(0))
                .isEqualTo("runbook_url: starts with https://runbooks.example.dev/runbooks/"
                        + " (folder po/content/runbooks): " + FILLING_UP);
    }

    @Test
    void runbookUrlOnAnotherHostMatchesByPathSuffixWithMd() {
        AlertMatch m = bare.match(
                "", Map.of(), url("https://git.internal/ops/blob/main/runbooks/node/NodeFilesystemSpaceFillingUp.md"));

        assertThat(m.method()).isEqualTo(AlertMatch.Method.RUNBOOK_URL);
        assertThat(m.file()).contains(FILLING_UP);
        assertThat(m.steps().get(0)).contains("path ends with 3 segment(s) of " + FILLING_UP);
    }

    @Test
    void anchorPicksThatHeadingAndItsSubsectionsNamesWork() {
        AlertMatch m = prefixed.match(
                "",
                Map.of(),
                url("https://runbooks.example.dev/runbooks/node/NodeFilesystemSpaceFillingUp#grow-the-volume"));

        assertThat(m.section().map(RunbookSection::heading)).contains("Grow the volume");
        assertThat(m.steps()).anyMatch(s -> s.contains("the heading #grow-the-volume names"));
    }

    @Test
    void unknownAnchorFallsBackToTheMostActionableSectionAndSaysSo() {
        AlertMatch m = prefixed.match(
                "", Map.of(), url("https://runbooks.example.dev/runbooks/node/NodeFilesystemSpaceFillingUp#nope"));

        assertThat(m.section().map(RunbookSection::heading)).contains("Diagnosis");
        assertThat(m.steps()).contains("anchor #nope names no heading of " + FILLING_UP);
    }

    @Test
    void twoRunbooksEndingAlikeAreNoUrlMatchNotAGuess() {
        AlertMatch m = bare.match("", Map.of(), url("https://wiki.example.com/TwinAlert.md"));

        assertThat(m.method()).isNotEqualTo(AlertMatch.Method.RUNBOOK_URL);
        assertThat(m.steps().get(0))
                .contains("2 runbooks end with the same 1 segment(s) of twinalert")
                .contains("not guessing");
    }

    @Test
    void exactNameIsTheFileStemAndASharedNameGoesToTheFirstPrefixFolder() {
        AlertMatch prom = prefixed.match("KubePodCrashLooping", Map.of(), Map.of());
        AlertMatch openshiftFirst = AlertRunbookFixture.sections(
                        indexed, AlertRunbookFixture.OPENSHIFT, AlertRunbookFixture.PROM)
                .match("KubePodCrashLooping", Map.of(), Map.of());

        assertThat(prom.method()).isEqualTo(AlertMatch.Method.NAME);
        assertThat(prom.file()).contains("po/content/runbooks/kubernetes/KubePodCrashLooping.md");
        assertThat(openshiftFirst.file()).contains("os/alerts/cluster-monitoring-operator/KubePodCrashLooping.md");
        assertThat(prom.meaning()).contains("A pod keeps restarting after it crashes.");
    }

    @Test
    void alertnameLabelStandsInForABlankName() {
        AlertMatch m = prefixed.match(" ", Map.of("alertname", "NodeFilesystemSpaceFillingUp"), Map.of());

        assertThat(m.method()).isEqualTo(AlertMatch.Method.NAME);
        assertThat(m.file()).contains(FILLING_UP);
    }

    @Test
    void aNameTwoRunbooksOfOneFolderShareIsNoNameMatch() {
        AlertMatch m = prefixed.match("TwinAlert", Map.of(), Map.of());

        assertThat(m.method()).isNotEqualTo(AlertMatch.Method.NAME);
        assertThat(m.steps().get(1)).contains("2 runbooks are named TwinAlert").contains("not guessing");
    }

    @Test
    void runbookWithoutStepsShowsItsFirstSection() {
        AlertMatch m = prefixed.match("OnlyDescribed", Map.of(), Map.of());

        assertThat(m.section().map(RunbookSection::heading)).isPresent();
        assertThat(m.meaning()).contains("Something happened and nobody wrote the steps.");
    }

    @Test
    void searchFindsTheRunbookFromTheSummaryAndShowsItsStepsNotItsMeaning() {
        AlertMatch m = prefixed.match(
                "", Map.of(), Map.of("summary", "Filesystem is predicted to run out of space within the next hours."));

        assertThat(m.method()).isEqualTo(AlertMatch.Method.SEARCH);
        assertThat(m.file()).contains(FILLING_UP);
        assertThat(m.section().map(RunbookSection::heading)).isNotEqualTo(java.util.Optional.of("Meaning"));
    }

    @Test
    void anAlertNoRunbookCoversGetsNoRunbookNeverAGuess() {
        AlertMatch m = prefixed.match(
                "QuuxFrobnicatorStalled",
                Map.of(),
                Map.of("summary", "The quux frobnicator stalled.", "runbook_url", "https://elsewhere.example/quux"));

        assertThat(m.method()).isEqualTo(AlertMatch.Method.NONE);
        assertThat(m.section()).isEmpty();
        assertThat(m.steps()).hasSize(3);
        assertThat(m.steps().get(2)).contains("not guessing");
    }

    @Test
    void hostileRunbookUrlsAreRefusedOrReadWithoutFailing() {
        AlertMatch huge = prefixed.match("", Map.of(), url("https://x/" + "a/".repeat(3000)));
        AlertMatch badEscape = prefixed.match("", Map.of(), url("https://x/%zz%/\u0007<!channel>#%"));

        assertThat(huge.method()).isEqualTo(AlertMatch.Method.NONE);
        assertThat(huge.steps().get(0)).contains("longer than 2048 characters");
        assertThat(badEscape.method()).isEqualTo(AlertMatch.Method.NONE);
        assertThat(String.join(" ", badEscape.steps())).doesNotContain("\u0007");
    }
}
