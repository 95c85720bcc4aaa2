package io.runbookbot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.UserFacingException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRegistryTest {
    @TempDir
    Path dir;

    private AgentRegistry load(String yaml) throws Exception {
        Path file = dir.resolve("agents.yaml");
        Files.writeString(file, yaml);
        return AgentRegistry.load(file);
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aFieldGivenTwiceInOneEntryIsRefusedNamingTheLine() {
        assertRefused("""
                agents:
                  - name: web-1
                    url: http://10.0.0.5:7070
                    url: http://10.6.6.6:7070
                    secret_env: RUNBOOK_BOT_AGENT_SECRET_WEB1
                """, "not valid YAML near line 4: Duplicate field 'url'");
    }

    @Test
    void loadsAgentsWithSecretReferences() throws Exception {
        AgentRegistry r = load("""
                agents:
                  - name: web-1
                    url: http://10.0.0.5:7070
                    secret_env: RUNBOOK_BOT_AGENT_SECRET_WEB1
                  - name: db-1
                    url: https://db-1.internal:7443/
                    secret_file: /run/secrets/db1
                """);
        assertThat(r.agents()).extracting(AgentEntry::name).containsExactly("web-1", "db-1");
        assertThat(r.require("web-1").url()).isEqualTo(URI.create("http://10.0.0.5:7070"));
        assertThat(r.require("web-1").secret()).isEqualTo(new AgentSecretRef.EnvVar("RUNBOOK_BOT_AGENT_SECRET_WEB1"));
        assertThat(r.require("db-1").secret()).isEqualTo(new AgentSecretRef.File(Path.of("/run/secrets/db1")));
        assertThat(r.require("db-1").resolve("/v1/run")).isEqualTo(URI.create("https://db-1.internal:7443/v1/run"));
    }

    @Test
    void namesTheEntryAndFieldOfEachError() {
        assertRefused("agents:\n  - name: web-1\n    url: ftp://x:1\n    secret_env: A\n", "agents[0] (web-1): url:");
        assertRefused(
                "agents:\n  - name: web-1\n    url: http://x:1/api\n    secret_env: A\n", "agents[0] (web-1): url:");
        assertRefused("agents:\n  - name: web-1\n    url: http://x:1\n", "agents[0] (web-1): give exactly one of");
        assertRefused(
                "agents:\n  - name: web-1\n    url: http://x:1\n    secret_env: A\n    secret_file: /s\n",
                "give exactly one of");
        assertRefused(
                "agents:\n  - name: web-1\n    url: http://x:1\n    secret_env: 9f8e7d-not-a-name\n",
                "secret_env: must be a variable name");
        assertRefused(
                "agents:\n  - name: web-1\n    url: http://x:1\n    secret: abc\n    secret_env: A\n",
                "agents[0] (web-1): secret: unknown key");
        assertRefused("agents:\n  - url: http://x:1\n    secret_env: A\n", "agents[0]: name: missing");
        assertRefused(
                "agents:\n  - {name: a, url: 'http://x:1', secret_env: A}\n  - {name: a, url: 'http://y:1', secret_env: B}\n",
                "agents[1] (a): name: duplicate");
        assertRefused("servers: []\n", "agents: must be a list");
    }

    @Test
    void unknownAgentListsTheKnownOnes() throws Exception {
        AgentRegistry r = load("agents:\n  - {name: web-1, url: 'http://x:1', secret_env: A}\n");
        assertThatThrownBy(() -> r.require("web-9")).hasMessage("unknown agent \"web-9\"; known agents: web-1");
    }
}
