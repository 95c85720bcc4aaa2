package io.runbookbot.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentJsonTest {
    private static final String RESULT = "{\"exitCode\":1,\"stdout\":\"\",\"stderr\":\"x\",\"stdoutTruncated\":false,"
            + "\"stderrTruncated\":false,\"durationMillis\":5,\"timedOut\":false}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsEveryRecord() {
        RunRequest request = new RunRequest("port-listeners", Map.of("port", "8000"), "U123");
        RunResult result = new RunResult(0, "ok\n", "", false, true, 12, false);
        CommandDescription d = new CommandDescription("df", "disk", List.of("path: a path"), true, 10);
        assertThat(AgentJson.runRequest(AgentJson.write(request))).isEqualTo(request);
        assertThat(AgentJson.runResult(AgentJson.write(result))).isEqualTo(result);
        assertThat(AgentJson.commands(AgentJson.write(List.of(d)))).containsExactly(d);
        assertThat(AgentJson.healthStatus(AgentJson.write(HealthStatus.ok(3)))).isEqualTo(HealthStatus.ok(3));
        assertThat(new String(AgentJson.write(new ErrorResponse("busy", "try later")), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"busy\",\"reason\":\"try later\"}");
    }

    @Test
    void runRequestsAreReadStrictly() {
        for (String bad : List.of(
                "{\"id\":\"df\",\"params\":{},\"caller\":\"a\",\"argv\":[\"sh\"]}",
                "{\"id\":\"df\",\"caller\":\"a\"}",
                "{\"id\":\"df\",\"params\":{\"p\":null},\"caller\":\"a\"}",
                "{\"id\":\"df\",\"params\":{\"p\":[1]},\"caller\":\"a\"}",
                "{\"id\":\"df\",\"params\":{},\"caller\":\"a\"} {}",
                "null",
                "",
                "[]")) {
            assertThatThrownBy(() -> AgentJson.runRequest(utf8(bad)))
                    .as(bad)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageStartingWith("not a valid RunRequest");
        }
    }

    @Test
    void refusesADuplicateKeyInsteadOfLettingTheLastOneWin() {
        assertThatThrownBy(() ->
                        AgentJson.runRequest(utf8("{\"id\":\"echo\",\"params\":{},\"id\":\"touch\",\"caller\":\"a\"}")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("not a valid RunRequest: a key appears twice");
        assertThatThrownBy(() -> AgentJson.runRequest(
                        utf8("{\"id\":\"df\",\"params\":{\"p\":\"a\",\"p\":\"b\"},\"caller\":\"a\"}")))
                .hasMessageStartingWith("not a valid RunRequest: a key appears twice");
        assertThatThrownBy(() ->
                        AgentJson.runResult(utf8(RESULT.replace("\"exitCode\":1", "\"exitCode\":1,\"exitCode\":0"))))
                .hasMessageStartingWith("not a valid RunResult: a key appears twice");
    }

    @Test
    void parameterValuesMustBeJsonStringsNotNumbersOrBooleans() {
        for (String value : List.of("8080", "8080.0", "true", "{}")) {
            assertThatThrownBy(() -> AgentJson.runRequest(
                            utf8("{\"id\":\"df\",\"params\":{\"port\":" + value + "},\"caller\":\"a\"}")))
                    .as(value)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageStartingWith("not a valid RunRequest");
        }
        assertThat(AgentJson.runRequest(utf8("{\"id\":\"df\",\"params\":{\"port\":\"8080\"},\"caller\":\"a\"}"))
                        .params())
                .containsEntry("port", "8080");
    }

    @Test
    void responsesAreReadAsStrictlyAsRequests() {
        assertThat(AgentJson.runResult(utf8(RESULT)).exitCode()).isEqualTo(1);
        for (String bad : List.of(
                RESULT.replace("}", ",\"host\":\"web-1\"}"),
                RESULT.replace("\"exitCode\":1", "\"exitCode\":\"0\""),
                RESULT.replace("\"exitCode\":1", "\"exitCode\":0.5"),
                RESULT.replace("\"stdout\":\"\"", "\"stdout\":123"),
                RESULT.replace("\"timedOut\":false", "\"timedOut\":\"false\""),
                RESULT.replace("\"timedOut\":false", "\"timedOut\":0"))) {
            assertThatThrownBy(() -> AgentJson.runResult(utf8(bad)))
                    .as(bad)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageStartingWith("not a valid RunResult");
        }
        assertThatThrownBy(() -> AgentJson.healthStatus(utf8("{\"status\":\"ok\",\"commands\":\"3\"}")))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> AgentJson.commands(utf8("[{\"id\":\"df\",\"description\":\"d\",\"params\":[],"
                        + "\"readOnly\":true,\"timeoutSeconds\":10,\"extra\":1}]")))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void namesAnUnknownKeyWithoutEchoingUnsafeCharacters() {
        assertThatThrownBy(() -> AgentJson.runRequest(
                        utf8("{\"id\":\"df\",\"params\":{},\"caller\":\"a\",\"argv\\u001b[2J\":1}")))
                .hasMessageStartingWith("not a valid RunRequest: unknown key \"argv??2J\"");
    }

    @Test
    void malformedMessagesDoNotEchoTheInput() {
        assertThatThrownBy(() -> AgentJson.runResult(utf8("<html>secret-token</html>")))
                .hasMessageNotContaining("secret-token");
    }
}
