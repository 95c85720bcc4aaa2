package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticSuggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core records the diagnostics package hands out: DiagnosticSuggestion and Caller. */
class DiagnosticRecordsTest {

    private static DiagnosticSuggestion suggestion(String id, Map<String, String> params) {
        return new DiagnosticSuggestion(id, "d", params, "line", 1);
    }

    @Test
    void rendersTheCommandThatRunsASuggestion() {
        assertThat(suggestion("listening-port", Map.of("port", "8000")).command())
                .isEqualTo("runbook-bot run listening-port port=8000");
        assertThat(suggestion("disk-usage", Map.of()).command()).isEqualTo("runbook-bot run disk-usage");
    }

    @Test
    void keepsTheParameterOrderAndQuotesValuesAShellWouldSplit() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("unit", "uvicorn");
        params.put("since", "1 hour ago");
        params.put("note", "it's");

        assertThat(suggestion("journal-since", params).command())
                .isEqualTo("runbook-bot run journal-since unit=uvicorn since='1 hour ago' note='it'\\''s'");
    }

    @Test
    void theLocalOperatorIsTheTerminal() {
        assertThat(Caller.LOCAL_OPERATOR.isLocalOperator()).isTrue();
        assertThat(Caller.LOCAL_OPERATOR.platform()).isEqualTo("cli");
        assertThat(new Caller("slack", "U1", List.of(), "C1").isLocalOperator()).isFalse();
    }

    @Test
    void qualifiesAUserIdByItsPlatform() {
        assertThat(new Caller("discord", "80351110224678912", List.of(), "").qualifiedUserId())
                .isEqualTo("discord:80351110224678912");
    }

    @Test
    void refusesACallerWithoutAUserId() {
        assertThatThrownBy(() -> new Caller("slack", " ", List.of(), "C1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userId must not be blank");
    }
}
