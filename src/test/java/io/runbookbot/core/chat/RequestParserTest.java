package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParserTest {
    @Test
    void readsHelpReindexAndConfirm() {
        assertThat(RequestParser.parse("help")).isEqualTo(new BotRequest.Help());
        assertThat(RequestParser.parse("  ")).isEqualTo(new BotRequest.Help());
        assertThat(RequestParser.parse("reindex")).isEqualTo(new BotRequest.Reindex());
        assertThat(RequestParser.parse("confirm abc123")).isEqualTo(new BotRequest.Confirm("abc123"));
    }

    @Test
    void readsDiagnosticsAloneAsTheListAndInASentenceAsAQuestion() {
        assertThat(RequestParser.parse("diagnostics")).isEqualTo(new BotRequest.ListDiagnostics());
        assertThat(RequestParser.parse("diagnostics fail with timeout"))
                .isEqualTo(new BotRequest.Ask("diagnostics fail with timeout"));
    }

    @Test
    void readsARunWithParametersAndAnAgent() {
        assertThat(RequestParser.parse("run listening-port port=8000 on web-1"))
                .isEqualTo(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));
        assertThat(RequestParser.parse("run disk-usage"))
                .isEqualTo(BotRequest.RunDiagnostic.onDefaultAgent("disk-usage", Map.of()));
    }

    @Test
    void treatsSentencesThatStartWithCommandWordsAsQuestions() {
        assertThat(RequestParser.parse("run out of disk space on /var, what now?"))
                .isEqualTo(new BotRequest.Ask("run out of disk space on /var, what now?"));
        assertThat(RequestParser.parse("help! api is down")).isEqualTo(new BotRequest.Ask("help! api is down"));
    }

    @Test
    void readsInvestigateWithItsSymptomAsTyped() {
        assertThat(RequestParser.parse("investigate  api returns 502 after deploy "))
                .isEqualTo(new BotRequest.Investigate("api returns 502 after deploy"));
        assertThat(RequestParser.parse("Investigate disk full on /var"))
                .isEqualTo(new BotRequest.Investigate("disk full on /var"));
    }

    @Test
    void investigateWithoutASymptomShowsTheHelp() {
        assertThat(RequestParser.parse("investigate")).isEqualTo(new BotRequest.Help());
        assertThat(RequestParser.parse("  investigate   ")).isEqualTo(new BotRequest.Help());
    }
}
