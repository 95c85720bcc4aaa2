package io.runbookbot.llm;

import static io.runbookbot.llm.InvestigationFixture.ONCALL;
import static io.runbookbot.llm.InvestigationFixture.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.Investigation;
import io.runbookbot.fakes.FakeOllama.ChatReply;
import io.runbookbot.fakes.FakeOllama.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The investigate agent stops at its tool-call limit and its deadline, and says plainly when the model
 * is down or failing.
 */
@Timeout(30)
class RunbookInvestigatorLimitsIT extends WithInvestigationFixture {

    @Test
    void stopsAtTheToolCallLimitWithoutAskingTheModelAgain() {
        RunbookInvestigator investigator = fx.investigator(InvestigationLimits.DEFAULTS.withMaxToolCalls(2));
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
        RunbookInvestigator investigator =
                fx.investigator(InvestigationLimits.DEFAULTS.withWallTime(Duration.ofSeconds(1)));
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
    void saysPlainlyThatTheModelIsDownAndPointsAtTheRunbooks() {
        fx.ollama.down();

        assertThatThrownBy(() -> fx.investigator().investigate(ONCALL, QUERY))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The investigating model did not answer (Ollama is not reachable); "
                        + "here is what the runbooks say: ")
                .hasMessageContaining(
                        fx.runbooks.ask(QUERY, 1).hits().get(0).section().location());
    }

    @Test
    void namesAServerErrorWithoutItsText() {
        fx.ollama.inject(Fault.httpStatus(500));

        assertThatThrownBy(() -> fx.investigator().investigate(ONCALL, QUERY))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The investigating model did not answer (Ollama answered")
                .hasMessageNotContaining("injected");
        assertThat(fx.ollama.callsTo("chat")).hasSize(1);
    }
}
