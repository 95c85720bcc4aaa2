package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.diagnostics.AgentException.Kind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot-side client against a real agent process, a dead port and misbehaving fake servers. */
class AgentClientIT {
    private static final SharedSecret SECRET = SharedSecret.ofText(SignedHttp.SECRET, "test");

    @TempDir
    static Path dir;

    static AgentProcess agent;

    @BeforeAll
    static void startAgent() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: echo-ok
                    description: prints ok
                    argv: [/bin/echo, ok]
                    read_only: true
                  - id: sleep-10
                    description: sleeps ten seconds
                    argv: [/bin/sleep, "10"]
                    timeout: 30s
                    read_only: true
                  - id: greet
                    description: greets someone
                    argv: [/bin/echo, "hello {who}"]
                    read_only: true
                    params:
                      who: {type: pattern, pattern: "[a-z]+", max_length: 20}
                """);
        agent = AgentProcess.start(dir, allowlist, dir.resolve("audit.jsonl"), SignedHttp.SECRET);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
    }

    private static AgentClient client(URI url, SharedSecret secret) {
        return new AgentClient(new AgentEntry("web-1", url, new AgentSecretRef.EnvVar("X")), secret);
    }

    private static RunRequest request(String id, Map<String, String> params) {
        return new RunRequest(id, params, "U42");
    }

    @Test
    void listsTheAgentsCommandsAndRunsOne() {
        AgentClient c = client(agent.url(), SECRET);
        assertThat(c.health().commands()).isEqualTo(3);
        assertThat(c.commands()).extracting(d -> d.id()).containsExactly("echo-ok", "sleep-10", "greet");
        assertThat(c.commands().get(2).params()).singleElement().asString().startsWith("who: ");
        RunResult r = c.run(request("greet", Map.of("who", "ann")), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("hello ann\n");
    }

    @Test
    void saysSoWhenTheAgentRejectsOurSignature() {
        AgentClient c = client(agent.url(), SharedSecret.ofText("x".repeat(32), "wrong"));
        assertThatThrownBy(() -> c.run(request("echo-ok", Map.of()), Duration.ofSeconds(10)))
                .isInstanceOf(AgentException.class)
                .hasMessage("agent web-1 rejected our signature: check its secret (agent said: bad signature)")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(Kind.UNAUTHORIZED);
    }

    @Test
    void saysSoWhenTheAgentIsDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> client(dead, SECRET).commands())
                .isInstanceOf(AgentException.class)
                .hasMessage("agent web-1 at " + dead + " is not reachable (connection refused); is `runbook-bot agent`"
                        + " running there?");
    }

    @Test
    void saysSoWhenTheAgentIsSlow() {
        AgentClient c = client(agent.url(), SECRET);
        long start = System.nanoTime();
        assertThatThrownBy(() -> c.run(request("sleep-10", Map.of()), Duration.ofSeconds(1)))
                .isInstanceOf(AgentException.class)
                .hasMessage("agent web-1 at " + agent.url() + " did not answer within 1 s; the command may still be"
                        + " running there")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void passesTheAgentsReasonThroughFor4xx() {
        AgentClient c = client(agent.url(), SECRET);
        assertThatThrownBy(() -> c.run(request("greet", Map.of("who", "; rm -rf /")), Duration.ofSeconds(10)))
                .hasMessageStartingWith("agent web-1 refused the request: who:")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(Kind.INVALID);
        assertThatThrownBy(() -> c.run(request("reboot", Map.of()), Duration.ofSeconds(10)))
                .hasMessage("agent web-1: unknown command \"reboot\": it is not in this agent's allowlist")
                .extracting(e -> ((AgentException) e).kind())
                .isEqualTo(Kind.UNKNOWN_COMMAND);
    }

    @Test
    void reportsTheIncidentIdOfA500() throws Exception {
        HttpServer fake =
                fake(500, "{\"error\":\"internal\",\"reason\":\"internal error in the agent; incident 0a1b2c3d4e5f\"}");
        try {
            assertThatThrownBy(() -> client(url(fake), SECRET).commands())
                    .hasMessage("agent web-1 failed: internal error in the agent; incident 0a1b2c3d4e5f")
                    .extracting(e -> ((AgentException) e).kind())
                    .isEqualTo(Kind.INTERNAL);
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void refusesAnUnsignedAnswerWithoutShowingIt() throws Exception {
        HttpServer fake = fake(200, "<html>welcome to nginx</html>");
        try {
            assertThatThrownBy(() -> client(url(fake), SECRET).run(request("echo-ok", Map.of()), Duration.ofSeconds(5)))
                    .hasMessageStartingWith(
                            "agent web-1 at " + url(fake) + ": its answer (HTTP 200) was refused because"
                                    + " the answer is not signed (agents older than protocol v2 do not sign answers")
                    .hasMessageNotContaining("nginx")
                    .extracting(e -> ((AgentException) e).kind())
                    .isEqualTo(Kind.UNVERIFIED);
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void refusesAnUnsignedRefusalThatOnlyComesAfterAuthentication() throws Exception {
        HttpServer fake = fake(400, "{\"error\":\"invalid_params\",\"reason\":\"click http://evil.example\"}");
        try {
            assertThatThrownBy(() -> client(url(fake), SECRET).run(request("echo-ok", Map.of()), Duration.ofSeconds(5)))
                    .hasMessageNotContaining("evil")
                    .extracting(e -> ((AgentException) e).kind())
                    .isEqualTo(Kind.UNVERIFIED);
        } finally {
            fake.stop(0);
        }
    }

    private static HttpServer fake(int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
