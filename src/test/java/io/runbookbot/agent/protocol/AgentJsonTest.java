package io.runbookbot.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentJsonTest {

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
        for (String bad : List.of("{\"id\":\"df\",\"params\":{},\"caller\":\"a\",\"argv\":[\"sh\"]}",
                "{\"id\":\"df\",\"caller\":\"a\"}", "{\"id\":\"df\",\"params\":{\"p\":null},\"caller\":\"a\"}",
                "{\"id\":\"df\",\"params\":{\"p\":[1]},\"caller\":\"a\"}", "{\"id\":\"df\",\"params\":{},\"caller\":\"a\"} {}",
                "null", "", "[]")) {
            assertThatThrownBy(() -> AgentJson.runRequest(utf8(bad))).as(bad)
                    .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("not a valid RunRequest");
        }
    }

    @Test
    void responsesIgnoreFieldsAddedByNewerAgents() {
        RunResult r = AgentJson.runResult(utf8("{\"exitCode\":1,\"stdout\":\"\",\"stderr\":\"x\",\"stdoutTruncated\":false,"
                + "\"stderrTruncated\":false,\"durationMillis\":5,\"timedOut\":false,\"host\":\"web-1\"}"));
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void malformedMessagesDoNotEchoTheInput() {
        assertThatThrownBy(() -> AgentJson.runResult(utf8("<html>secret-token</html>")))
                .hasMessageNotContaining("secret-token");
    }
}
