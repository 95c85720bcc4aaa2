package io.runbookbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.Caller;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.Fault;
import io.runbookbot.fakes.FakeOllama.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The investigate agent against real runbooks, real diagnostics and a scripted fake Ollama. */
@Timeout(30)
class RunbookInvestigatorIT {
    private static final Caller ONCALL = new Caller("slack", "U1", List.of("oncall"), "C1");
    private static final Caller STRANGER = new Caller("slack", "U9", List.of(), "C1");
    private static final String QUERY = "port already in use";

    @TempDir
    Path dir;

    private InvestigationFixture fx;
    private RunbookInvestigator investigator;

    @BeforeEach
    void start() throws Exception {
        fx = new InvestigationFixture(dir);
        investigator = fx.investigator(InvestigationLimits.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        investigator.close();
        fx.close();
    }

    @Test
    void offersTheModelExactlyTheThreeToolsWithTheSystemPromptFromItsTemplate() throws Exception {
        fx.ollama.script(ChatReply.text("Nothing to add."));

        investigator.investigate(ONCALL, "disk full");

        JsonNode sent = fx.ollama.callsTo("chat").get(0).json();
        List<String> tools = StreamSupport.stream(sent.path("tools").spliterator(), false)
                .map(t -> t.path("function").path("name").asText())
                .toList();
        assertThat(tools).containsExactly("search_runbooks", "list_diagnostics", "run_diagnostic");
        assertThat(sent.path("options").path("temperature").asDouble(-1)).isZero();
        String template = Files.readString(Path.of("prompts", "investigate-system.md"));
        assertThat(template).contains("{{max_tool_calls}}");
        assertThat(sent.path("messages").get(0).path("content").asText())
                .startsWith(template.lines().findFirst().orElseThrow())
                .contains("at most 8 tool calls and 60 seconds")
                .doesNotContain("{{");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Symptom: disk full");
    }

    @Test
    void listsTheSectionsAndDiagnosticsItActuallyUsedNotTheOnesTheModelClaims() {
        fx.ollama.script(
                ChatReply.toolCall("search_runbooks", Map.of("query", QUERY)),
                ChatReply.toolCall("run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "listening"))),
                ChatReply.text("Port 5000 is taken, see made-up.md:999 and server-wont-start-flask.md."));

        Investigation result = investigator.investigate(ONCALL, "flask will not start");

        List<String> sections = fx.runbooks.ask(QUERY, 3).hits().stream()
                .map(h -> source(h.section()))
                .toList();
        assertThat(sections).isNotEmpty();
        assertThat(result.sources()).hasSize(sections.size() + 1).startsWith(sections.toArray(String[]::new));
        assertThat(result.sources().get(sections.size()))
                .matches("diagnostic echo-word word=listening on local \\(exit 0 in \\d+ ms\\)");
        assertThat(result.sources()).noneMatch(s -> s.contains("made-up.md"));
        assertThat(result.answer()).isEqualTo("Port 5000 is taken, see made-up.md:999 and server-wont-start-flask.md.");
        assertThat(result.model()).isEqualTo("llama3.2");
        assertThat(fx.lastToolResult(1))
                .startsWith("tool: ["
                        + fx.runbooks.ask(QUERY, 3).hits().get(0).section().location() + "] ");
        assertThat(fx.lastToolResult(2))
                .startsWith("tool: Ran echo-word on local: exit 0")
                .endsWith("listening");
    }

    @Test
    void refusesACommandOutsideTheAllowlistAndRunsNothing() {
        fx.ollama.script(
                ChatReply.toolCall("run_diagnostic", Map.of("id", "rm", "params", Map.of("path", "/"))),
                ChatReply.text("Could not run rm."));

        Investigation result = investigator.investigate(ONCALL, "disk full");

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

        Investigation result = investigator.investigate(STRANGER, "disk full");

        assertThat(fx.lastToolResult(1)).startsWith("tool: Not run (denied)");
        assertThat(result.sources()).isEmpty();
        assertThat(fx.diagnosticsLines()).singleElement().satisfies(l -> {
            assertThat(l.path("decision").asText()).isEqualTo("denied");
            assertThat(l.toString()).contains("slack:U9");
        });
    }

    @Test
    void leavesADiagnosticThatChangesSomethingToAPerson() {
        Path marker = dir.resolve("work").resolve("marker");
        fx.ollama.script(
                ChatReply.toolCall(
                        "run_diagnostic", Map.of("id", "touch-marker", "params", Map.of("file", marker.toString()))),
                ChatReply.text("A person should run touch-marker."));

        Investigation result = investigator.investigate(ONCALL, "marker missing");

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
    void stopsAtTheToolCallLimitWithoutAskingTheModelAgain() {
        investigator.close();
        investigator = fx.investigator(InvestigationLimits.DEFAULTS.withMaxToolCalls(2));
        for (int i = 0; i < 4; i++) {
            fx.ollama.script(ChatReply.toolCall("search_runbooks", Map.of("query", QUERY)));
        }

        Investigation result = investigator.investigate(ONCALL, "flask will not start");

        assertThat(result.answer())
                .startsWith("The investigation stopped at its limit of 2 tool calls")
                .contains("What it gathered is listed under Sources.");
        assertThat(result.sources()).isNotEmpty();
        assertThat(fx.ollama.callsTo("chat")).hasSize(3);
        assertThat(fx.ollama.scriptLeft()).isEqualTo(1);
        assertThat(fx.investigationLines())
                .extracting(l -> l.path("outcome").asText())
                .containsExactly("ok: 3 sections", "ok: 3 sections", "skipped: tool-call limit reached");
    }

    @Test
    void stopsAtTheDeadlineWhenTheModelIsSlow() {
        investigator.close();
        investigator = fx.investigator(InvestigationLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1)));
        fx.ollama.inject(Fault.slow(Duration.ofSeconds(3)));
        fx.ollama.script(ChatReply.toolCall("search_runbooks", Map.of("query", QUERY)), ChatReply.text("late"));

        long start = System.nanoTime();
        Investigation result = investigator.investigate(ONCALL, "flask will not start");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.answer())
                .startsWith("The investigation stopped at its time limit (1 s)")
                .contains("It gathered nothing usable.");
    }

    @Test
    void feedsBadArgumentsAndUnknownToolsBackToTheModelAndGoesOn() {
        fx.ollama.script(
                ChatReply.toolCalls(
                        new ToolCall("search_runbooks", Map.of("query", 42)),
                        new ToolCall("run_diagnostic", Map.of("params", Map.of("word", "x"))),
                        new ToolCall("run_diagnostic", Map.of("id", "echo-word", "params", "word=x")),
                        new ToolCall("shell", Map.of("cmd", "rm -rf /"))),
                ChatReply.toolCall("search_runbooks", Map.of("query", QUERY)),
                ChatReply.text("Done."));

        Investigation result = investigator.investigate(ONCALL, "flask will not start");

        List<String> toolResults = new ArrayList<>();
        fx.messages(1).forEach(m -> {
            if (m.path("role").asText().equals("tool")) {
                toolResults.add(m.path("content").asText());
            }
        });
        assertThat(toolResults)
                .containsExactly(
                        "Error: search_runbooks: \"query\" must be a non-empty string",
                        "Error: run_diagnostic needs \"id\": a non-empty string",
                        "Error: run_diagnostic: \"params\" must be an object of name to value",
                        "Error: unknown tool \"shell\"; the tools are search_runbooks, list_diagnostics and run_diagnostic");
        assertThat(result.answer()).isEqualTo("Done.");
        assertThat(result.sources()).isNotEmpty();
        assertThat(fx.diagnosticsLines()).isEmpty();
    }

    @Test
    void auditsEveryToolCallWithCallerSymptomToolArgumentsAndOutcome() {
        fx.ollama.script(
                ChatReply.toolCall("list_diagnostics", Map.of()),
                ChatReply.toolCall("run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "hi"))),
                ChatReply.toolCall("nope", Map.of()),
                ChatReply.text("ok"));

        investigator.investigate(ONCALL, "api down PGPASSWORD=hunter2");

        List<JsonNode> lines = fx.investigationLines();
        assertThat(lines)
                .extracting(l -> l.path("tool").asText())
                .containsExactly("list_diagnostics", "run_diagnostic", "nope");
        assertThat(lines)
                .extracting(l -> l.path("outcome").asText())
                .containsExactly(
                        "ok: 2 diagnostics",
                        lines.get(1).path("outcome").asText(),
                        "error: unknown tool \"nope\"; "
                                + "the tools are search_runbooks, list_diagnostics and run_diagnostic");
        assertThat(lines.get(1).path("outcome").asText()).startsWith("ran: exit 0 in ");
        assertThat(lines.get(1).path("arguments").asText())
                .contains("echo-word")
                .contains("hi");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("caller").asText()).isEqualTo("slack:U1");
            assertThat(l.path("channel").asText()).isEqualTo("C1");
            assertThat(l.path("symptom").asText()).isEqualTo("api down PGPASSWORD=****");
            assertThat(l.path("investigation").asText())
                    .isEqualTo(lines.get(0).path("investigation").asText())
                    .hasSize(8);
            assertThat(l.path("time").asText()).isNotEmpty();
        });
    }

    @Test
    void redactsDiagnosticOutputBeforeTheModelSeesIt() {
        fx.ollama.script(
                ChatReply.toolCall(
                        "run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "PASSWORD=hunter2"))),
                ChatReply.text("ok"));

        investigator.investigate(ONCALL, "x");

        assertThat(fx.lastToolResult(1)).contains("PASSWORD=****").doesNotContain("hunter2");
    }

    @Test
    void redactsTheModelsAnswerAndTheSymptomItEchoes() {
        fx.ollama.script(ChatReply.text("Log in with PGPASSWORD=M0delS3cret and check the port."));

        Investigation result = investigator.investigate(ONCALL, "port in use, token xoxb-123456789012-AbCdEfGhIjKl");

        assertThat(result.answer()).isEqualTo("Log in with PGPASSWORD=**** and check the port.");
        assertThat(result.symptom()).isEqualTo("port in use, token xoxb-****");
    }

    @Test
    void saysPlainlyThatTheModelIsDownAndPointsAtTheRunbooks() {
        fx.ollama.down();

        assertThatThrownBy(() -> investigator.investigate(ONCALL, QUERY))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The investigating model did not answer (Ollama is not reachable); "
                        + "here is what the runbooks say: ")
                .hasMessageContaining(
                        fx.runbooks.ask(QUERY, 1).hits().get(0).section().location());
    }

    @Test
    void namesAServerErrorWithoutItsText() {
        fx.ollama.inject(Fault.httpStatus(500));

        assertThatThrownBy(() -> investigator.investigate(ONCALL, QUERY))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The investigating model did not answer (Ollama answered")
                .hasMessageNotContaining("injected");
        assertThat(fx.ollama.callsTo("chat")).hasSize(1);
    }

    private static String source(RunbookSection s) {
        return "runbook " + s.file() + ":" + s.line() + "-" + s.endLine() + " (" + s.headingPath() + ")";
    }
}
