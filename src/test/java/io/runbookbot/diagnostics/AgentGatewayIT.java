package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.audit.Decision;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.core.UserFacingException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentGatewayIT {
    @TempDir
    static Path dir;

    static AgentProcess agent;

    @BeforeAll
    static void startAgent() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(
                allowlist,
                "version: 1\ncommands:\n  - id: echo-ok\n    description: ok\n"
                        + "    argv: [/bin/echo, ok]\n    read_only: true\n");
        agent = AgentProcess.start(dir, allowlist, dir.resolve("agent-audit.jsonl"), SignedHttp.SECRET);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
    }

    private static AgentRegistry registry(URI url) {
        return new AgentRegistry(
                List.of(
                        new AgentEntry("web-1", url, new AgentSecretRef.EnvVar("SECRET_WEB1")),
                        new AgentEntry("web-2", url, new AgentSecretRef.EnvVar("SECRET_WEB2"))),
                "test");
    }

    private static final Function<String, Optional<String>> ENV =
            name -> name.equals("SECRET_WEB1") ? Optional.of(SignedHttp.SECRET) : Optional.empty();

    @Test
    void runsThroughTheNamedAgentAndSaysWhatTheAgentRefused() {
        AgentGateway gateway = new AgentGateway(registry(agent.url()), ENV);
        assertThat(gateway.commands("web-1")).hasSize(1);
        assertThat(gateway.client("web-1")
                        .run(new RunRequest("echo-ok", Map.of(), "U1"), Duration.ofSeconds(5))
                        .stdout())
                .isEqualTo("ok\n");
        assertThatThrownBy(() ->
                        gateway.client("web-1").run(new RunRequest("nope", Map.of(), "U1"), Duration.ofSeconds(5)))
                .isInstanceOf(AgentException.class)
                .satisfies(e -> assertThat(AgentGateway.decision(((AgentException) e).kind()))
                        .isEqualTo(Decision.DENIED));
    }

    @Test
    void anAgentWithoutASecretFailsAloneWithAClearMessage() {
        AgentGateway gateway = new AgentGateway(registry(agent.url()), ENV);
        assertThatThrownBy(() -> gateway.commands("web-2"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("agent web-2 has no usable secret on the bot's side (secret_env SECRET_WEB2): "
                        + "environment variable SECRET_WEB2 is not set");
        assertThat(gateway.commands("web-1")).hasSize(1);
    }
}
