package io.runbookbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Caller;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.Investigator;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.RequestParser;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /runbook investigate ...} typed in chat, through the real engine, down to the agent. */
@Timeout(30)
class InvestigateThroughBotEngineIT extends WithInvestigationFixture {
    private static final Caller ONCALL = new Caller("discord", "42", List.of("oncall"), "ops");

    @Test
    void investigateTextBecomesAnInvestigatedReplyWithTheSourcesTheToolsReturned() {
        fx.ollama.script(
                ChatReply.toolCall("search_runbooks", Map.of("query", "port already in use")),
                ChatReply.toolCall("run_diagnostic", Map.of("id", "echo-word", "params", Map.of("word", "busy"))),
                ChatReply.text("Something holds port 5000."));
        BotEngine engine = engine(Optional.of(fx.investigator()));

        BotReply reply = engine.handle(ONCALL, RequestParser.parse("investigate flask says port already in use"));

        assertThat(reply).isInstanceOfSatisfying(BotReply.Investigated.class, r -> {
            assertThat(r.investigation().symptom()).isEqualTo("flask says port already in use");
            assertThat(r.investigation().answer()).isEqualTo("Something holds port 5000.");
            assertThat(r.investigation().sources())
                    .anyMatch(s -> s.startsWith("runbook "))
                    .last()
                    .asString()
                    .startsWith("diagnostic echo-word word=busy on local (exit 0");
        });
        assertThat(fx.ollama
                        .callsTo("chat")
                        .get(0)
                        .json()
                        .path("messages")
                        .get(1)
                        .path("content")
                        .asText())
                .isEqualTo("Symptom: flask says port already in use");
        assertThat(fx.diagnosticsLines())
                .as("a started line before the run, a finished one after")
                .hasSize(2)
                .satisfies(
                        l -> assertThat(l.toString()).contains("discord:42").contains("\"decision\":\"started\""),
                        org.assertj.core.data.Index.atIndex(0))
                .satisfies(
                        l -> assertThat(l.toString()).contains("discord:42").contains("\"decision\":\"allowed\""),
                        org.assertj.core.data.Index.atIndex(1));
    }

    @Test
    void aModelThatIsDownIsASentenceNotAnIncident() {
        fx.ollama.down();

        BotReply reply =
                engine(Optional.of(fx.investigator())).handle(ONCALL, RequestParser.parse("investigate disk full"));

        assertThat(reply)
                .isInstanceOfSatisfying(
                        BotReply.Text.class,
                        t -> assertThat(t.text())
                                .startsWith("The investigating model did not answer (Ollama is not reachable)")
                                .doesNotContain("incident")
                                .doesNotContain("Exception"));
    }

    @Test
    void withoutAChatModelItSaysHowToAskTheRunbooksInstead() {
        BotReply reply = engine(Optional.empty()).handle(ONCALL, RequestParser.parse("investigate disk full"));

        assertThat(reply)
                .isInstanceOfSatisfying(
                        BotReply.Text.class,
                        t -> assertThat(t.text())
                                .startsWith("Investigate needs a chat model")
                                .endsWith("/runbook <symptom> (Discord: /runbook ask)"));
    }

    private BotEngine engine(Optional<Investigator> investigator) {
        return BotEngine.builder(() -> fx.runbooks)
                .diagnostics(Optional.<Diagnostics>of(fx.diagnostics))
                .investigator(investigator)
                .build();
    }
}
