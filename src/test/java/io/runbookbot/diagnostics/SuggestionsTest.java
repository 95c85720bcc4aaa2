package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.allowlist;
import static io.runbookbot.diagnostics.TestAllowlists.integer;
import static io.runbookbot.diagnostics.TestAllowlists.params;
import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.index.AnswerUnits;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private final Suggestions suggestions = new Suggestions(TestAllowlists.sample());

    private List<DiagnosticSuggestion> forSection(String file, String heading) {
        return suggestions.forSection(BundledSections.section(file, heading));
    }

    private static RunbookSection section(String code) {
        String markdown = "# T\n\n## Check\n\n```bash\n" + code + "\n```\n";
        return AnswerUnits.of(new RunbookParser().parse("x.md", markdown)).stream()
                .filter(s -> s.heading().equals("Check"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void suggestsTheListeningPortCheckForTheFlaskPortConflict() {
        List<DiagnosticSuggestion> found = forSection("server-wont-start-flask.md", "Issue: Port Already in Use");

        assertThat(found)
                .containsExactly(new DiagnosticSuggestion(
                        "listening-port",
                        "about listening-port",
                        Map.of("port", "5000"),
                        "netstat -ano | findstr :5000",
                        41));
        assertThat(found.get(0).command()).isEqualTo("runbook-bot run listening-port port=5000");
    }

    @Test
    void listsTheWindowsAndLinuxPortChecksOnceForTheSamePort() {
        List<DiagnosticSuggestion> found = forSection("server-wont-start-flask.md", "Quick Diagnosis");

        assertThat(found)
                .extracting(
                        DiagnosticSuggestion::command,
                        DiagnosticSuggestion::sourceLineNumber,
                        DiagnosticSuggestion::sourceLine)
                .containsExactly(tuple(
                        "runbook-bot run listening-port port=5000", 15, "netstat -ano | findstr :5000   # Windows"));
    }

    @Test
    void suggestsTheHealthCheckAndProcessCheckOfTheApiQuickDiagnosis() {
        List<DiagnosticSuggestion> found = forSection("api-server-down.md", "Quick Diagnosis (30 seconds)");

        assertThat(found)
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLineNumber)
                .containsExactly(
                        tuple("runbook-bot run http-health port=8000 path=/health", 21),
                        tuple("runbook-bot run process-by-name name=uvicorn", 24));
    }

    @Test
    void suggestsTheProcessAndJournalChecksOfTheUvicornStep() {
        List<DiagnosticSuggestion> found =
                forSection("api-server-down.md", "Step 1: Check Uvicorn Process (30 seconds)");

        assertThat(found)
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLine)
                .containsExactly(
                        tuple("runbook-bot run process-by-name name=uvicorn", "pgrep -fa uvicorn"),
                        tuple(
                                "runbook-bot run journal-since unit=uvicorn since='1 hour ago'",
                                "journalctl -u uvicorn --since \"1 hour ago\""));
        assertThat(found.get(1).params())
                .containsExactly(Map.entry("unit", "uvicorn"), Map.entry("since", "1 hour ago"));
    }

    @Test
    void ignoresCommandsInsideACommandSubstitution() {
        List<DiagnosticSuggestion> found = forSection("api-server-down.md", "Common error patterns:");

        assertThat(found)
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLineNumber)
                .containsExactly(tuple("runbook-bot run listening-port port=8000", 70));
    }

    @Test
    void dropsMatchesWhoseValuesFailTheParameterCheck() {
        RunbookSection s =
                section("lsof -i :99999\nlsof -i :http\nps aux | grep -v grep\njournalctl -u x --since \"2 days ago\"");

        assertThat(suggestions.forSection(s)).isEmpty();
    }

    @Test
    void listsTheSameEntryOncePerDistinctValuesInLineOrder() {
        RunbookSection s = section("df -h && lsof -i :8000\nlsof -i :5432\nnetstat -tlnp | grep 8000\nfree -m; df");

        assertThat(suggestions.forSection(s))
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLineNumber)
                .containsExactly(
                        tuple("runbook-bot run disk-usage", 6),
                        tuple("runbook-bot run listening-port port=8000", 6),
                        tuple("runbook-bot run listening-port port=5432", 7),
                        tuple("runbook-bot run memory", 9));
    }

    @Test
    void ordersEntriesOfOneLineByTheAllowlist() {
        Suggestions twoForOneLine = new Suggestions(allowlist(
                Access.NOBODY,
                spec("port-owner", params(integer("port", 1, 65535)), List.of("lsof -i :{port}")),
                spec("any-lsof", Map.of(), List.of("lsof"))));

        assertThat(twoForOneLine.forSection(section("lsof -i :8000")))
                .extracting(DiagnosticSuggestion::commandId)
                .containsExactly("port-owner", "any-lsof");
    }

    @Test
    void suggestsNothingForASectionWithoutCode() {
        assertThat(forSection("api-server-down.md", "When to Use This Runbook")).isEmpty();
    }

    @Test
    void suggestsNothingFromAnEmptyAllowlist() {
        Suggestions none = new Suggestions(allowlist(Access.NOBODY));

        assertThat(none.forSection(section("lsof -i :8000"))).isEmpty();
    }

    @Test
    void refusesAnAllowlistWhosePatternUsesAnUndeclaredPlaceholder() {
        var bad = allowlist(Access.NOBODY, spec("kill-pid", Map.of(), List.of("kill {pid}")));

        assertThatThrownBy(() -> new Suggestions(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("allowlist entry kill-pid: ");
    }
}
