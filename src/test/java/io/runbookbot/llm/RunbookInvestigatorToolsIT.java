package io.runbookbot.llm;

import static io.runbookbot.llm.InvestigationFixture.ONCALL;
import static io.runbookbot.llm.InvestigationFixture.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The investigate agent's tools against real runbooks, real diagnostics and a scripted fake Ollama:
 * what the model is offered, what each call returns and records, and the sources it reports.
 */
@Timeout(30)
class RunbookInvestigatorToolsIT extends WithInvestigationFixture {

    @Test
    void offersTheModelExactlyTheThreeToolsWithTheSystemPromptFromItsTemplate() throws Exception {
        fx.ollama.script(ChatReply.text("Nothing to add."));

        fx.investigator().investigate(ONCALL, "disk full");

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

        Investigation result = fx.investigator().investigate(ONCALL, "flask will not start");

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
    void feedsBadArgumentsAndUnknownToolsBackToTheModelAndGoesOn() {
        fx.ollama.script(
                ChatReply.toolCalls(
                        new ToolCall("search_runbooks", Map.of("query", 42)),
                        new ToolCall("run_diagnostic", Map.of("params", Map.of("word", "x"))),
                        new ToolCall("run_diagnostic", Map.of("id", "echo-word", "params", "word=x")),
                        new ToolCall("shell", Map.of("cmd", "rm -rf /"))),
                ChatReply.toolCall("search_runbooks", Map.of("query", QUERY)),
                ChatReply.text("Done."));

        Investigation result = fx.investigator().investigate(ONCALL, "flask will not start");

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

        fx.investigator().investigate(ONCALL, "api down PGPASSWORD=hunter2");

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

    private static String source(RunbookSection s) {
        return "runbook " + s.file() + ":" + s.line() + "-" + s.endLine() + " (" + s.headingPath() + ")";
    }
}
