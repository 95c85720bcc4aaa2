package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.diagnostics.AgentClient;
import io.runbookbot.diagnostics.AgentEntry;
import io.runbookbot.diagnostics.AgentException;
import io.runbookbot.diagnostics.AgentSecretRef;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 9: an agent (or a man in the middle on plain HTTP) that drips its answer one byte
 * per second used to hang the run forever, since the deadline covered only the headers. Now one
 * deadline covers connect, headers and body, and the bot closes the connection when it passes.
 */
class AgentDeadlineSecurityIT {
    private static final SharedSecret SECRET = SharedSecret.ofText(SignedHttp.SECRET, "test");
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private static AgentClient client(DrippingAgent agent) {
        return new AgentClient(new AgentEntry("web-1", agent.url(), new AgentSecretRef.EnvVar("X")), SECRET);
    }

    private static void assertGivesUpInTime(DrippingAgent agent) throws Exception {
        AgentClient client = client(agent);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.run(new RunRequest("echo-ok", Map.of(), "U1"), DEADLINE))
                .isInstanceOf(AgentException.class)
                .hasMessage("agent web-1 at " + agent.url() + " did not answer within 2 s; the command may still be"
                        + " running there")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(AgentException.Kind.TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "dripping agent: gave up after %d ms (deadline %d ms)%n", took.toMillis(), DEADLINE.toMillis());
        assertThat(took).isLessThan(DEADLINE.plusSeconds(2));
        long gone = agent.callerGoneAt(10);
        assertThat(Duration.ofNanos(gone - start))
                .as("the bot closed the dripping connection")
                .isLessThan(DEADLINE.plusSeconds(5));
    }

    @Test
    void agentDrippingItsBodyIsAbandonedAtTheDeadlineAndItsConnectionClosed() throws Exception {
        try (DrippingAgent agent = DrippingAgent.dripBody()) {
            assertGivesUpInTime(agent);
        }
    }

    @Test
    void agentDrippingItsHeadersIsAbandonedAtTheDeadline() throws Exception {
        try (DrippingAgent agent = DrippingAgent.dripHead()) {
            assertGivesUpInTime(agent);
        }
    }
}
