package io.runbookbot.llm;

import static io.runbookbot.llm.InvestigationFixture.ONCALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Caller;
import io.runbookbot.core.Investigation;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the investigate agent may not do: run outside the allowlist or beyond the asking user's rights,
 * run what changes something, or let secrets through to the model or the answer.
 */
@Timeout(30)
class RunbookInvestigatorSafetyIT extends WithInvestigationFixture {
    private static final Caller STRANGER = new Caller("slack", "U9", List.of(), "C1");

    @Test
    void refusesACommandOutsideTheAllowlistAndRunsNothing() {
        fx.ollama.script(
                ChatReply.toolCall("run_diagnostic", Map.of("id", "rm", "params", Map.of("path", "/"))),
                ChatReply.text("Could not run rm."));

        Investigation result = fx.investigator().investigate(ONCALL, "disk full");

        assertThat(fx.lastToolResult(1)).startsWith("tool: Not run (invalid): Unknown diagnostic \"rm\"");
        assertThat(result.sources()).isEmpty();
        assertThat(fx.diagnosticsLines())
                .singleElement()
                .satisfies(l -> assertThat(l.path("decision").asText()).isEqualTo("invalid"));
        assertThat(fx.investigationLines())
                .singleElement()
                .satisfies(l -> assertThat(l.path("outcome").asText()).startsWith("refused (INVALID)"));
    }

    @Test
    void cannotRunMoreThanTheAskingUserMay() {
        fx.ollama.script(
                ChatReply.toolCall("run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "x"))),
                ChatReply.text("Denied."));

        Investigation result = fx.investigator().investigate(STRANGER, "disk full");

        assertThat(fx.lastToolResult(1)).startsWith("tool: Not run (denied)");
        assertThat(result.sources()).isEmpty();
        assertThat(fx.diagnosticsLines()).singleElement().satisfies(l -> {
            assertThat(l.path("decision").asText()).isEqualTo("denied");
            assertThat(l.toString()).contains("slack:U9");
        });
    }

    @Test
    void leavesADiagnosticThatChangesSomethingToAPerson() {
        Path marker = fx.dir.resolve("work").resolve("marker");
        fx.ollama.script(
                ChatReply.toolCall(
                        "run_diagnostic", Map.of("id", "touch-marker", "params", Map.of("file", marker.toString()))),
                ChatReply.text("A person should run touch-marker."));

        Investigation result = fx.investigator().investigate(ONCALL, "marker missing");

        assertThat(marker).doesNotExist();
        assertThat(fx.lastToolResult(1)).contains("a person must run it and confirm: run touch-marker file=");
        assertThat(result.sources()).isEmpty();
        assertThat(fx.diagnosticsLines()).isEmpty();
        assertThat(fx.investigationLines())
                .singleElement()
                .satisfies(l -> assertThat(l.path("outcome").asText())
                        .isEqualTo("not run: needs a person to run and confirm it"));
    }

    @Test
    void redactsDiagnosticOutputBeforeTheModelSeesIt() {
        fx.ollama.script(
                ChatReply.toolCall(
                        "run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "PASSWORD=hunter2"))),
                ChatReply.text("ok"));

        fx.investigator().investigate(ONCALL, "x");

        assertThat(fx.lastToolResult(1)).contains("PASSWORD=****").doesNotContain("hunter2");
    }

    @Test
    void redactsTheModelsAnswerAndTheSymptomItEchoes() {
        fx.ollama.script(ChatReply.text("Log in with PGPASSWORD=M0delS3cret and check the port."));

        Investigation result =
                fx.investigator().investigate(ONCALL, "port in use, token xoxb-123456789012-AbCdEfGhIjKl");

        assertThat(result.answer()).isEqualTo("Log in with PGPASSWORD=**** and check the port.");
        assertThat(result.symptom()).isEqualTo("port in use, token xoxb-****");
    }
}
