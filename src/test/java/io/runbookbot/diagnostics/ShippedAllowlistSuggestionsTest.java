package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.runbookbot.TestRunbooks;
import io.runbookbot.agent.allowlist.AllowlistLoader;
import io.runbookbot.core.DiagnosticSuggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example allowlist with the runbooks, through the real loader and parameter types. The tests
 * that pin headings and line numbers use the fixture copy ({@link TestRunbooks}); the last one
 * checks the shipped runbooks and allowlist on purpose, so a change to either that breaks a
 * suggestion fails here.
 */
class ShippedAllowlistSuggestionsTest {
    private final Suggestions suggestions = new Suggestions(AllowlistLoader.load(TestRunbooks.allowlist()));

    private List<DiagnosticSuggestion> forSection(String file, String heading) {
        return suggestions.forSection(BundledSections.section(file, heading));
    }

    @Test
    void suggestsThePortCheckForTheFlaskPortConflict() {
        assertThat(forSection("server-wont-start-flask.md", "Issue: Port Already in Use"))
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLineNumber)
                .containsExactly(tuple("runbook-bot run listening-port port=5000", 41));
    }

    @Test
    void suggestsTheChecksOfTheUvicornSteps() {
        assertThat(forSection("api-server-down.md", "Quick Diagnosis (30 seconds)"))
                .extracting(DiagnosticSuggestion::command)
                .containsExactly(
                        "runbook-bot run http-health port=8000 path=/health",
                        "runbook-bot run process-by-name name=uvicorn");
        assertThat(forSection("api-server-down.md", "Step 1: Check Uvicorn Process (30 seconds)"))
                .extracting(DiagnosticSuggestion::command)
                .containsExactly(
                        "runbook-bot run process-by-name name=uvicorn",
                        "runbook-bot run journal-since unit=uvicorn since='1 hour ago'");
    }

    @Test
    void suggestsTheResourceChecks() {
        assertThat(forSection("api-server-down.md", "Step 6: Check System Resources (1 minute)"))
                .extracting(DiagnosticSuggestion::command, DiagnosticSuggestion::sourceLine)
                .containsExactly(
                        tuple("runbook-bot run memory", "free -h"),
                        tuple("runbook-bot run disk-usage", "df -h"),
                        tuple("runbook-bot run top-snapshot", "top -bn1 | head -n 20"));
    }

    @Test
    void everySuggestionOfTheShippedRunbooksPassesTheRealParameterChecks() {
        var allowlist = AllowlistLoader.load(TestRunbooks.SHIPPED.resolve("allowlist.yaml"));
        Suggestions shipped = new Suggestions(allowlist);

        List<DiagnosticSuggestion> all = BundledSections.SHIPPED.stream()
                .flatMap(s -> shipped.forSection(s).stream())
                .toList();

        assertThat(all).hasSizeGreaterThan(20);
        assertThat(all).allSatisfy(s -> {
            var spec = allowlist.find(s.commandId()).orElseThrow();
            assertThat(s.params().keySet())
                    .containsExactlyElementsOf(spec.params().keySet());
            s.params()
                    .forEach((k, v) -> assertThat(spec.params().get(k).reject(v))
                            .as(s.command())
                            .isEmpty());
        });
    }
}
