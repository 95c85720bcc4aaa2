package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each accessor the commands use reads its own row of the settings table. */
class CliSettingsTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private CliSettings settings() {
        return new CliSettings(
                SettingValues.of(name -> Optional.ofNullable(env.get(name)), Optional.empty(), Map.of()));
    }

    @Test
    void everyAccessorReadsItsOwnVariable() throws IOException {
        Path allowlist = Files.writeString(dir.resolve("allow.yaml"), "x");
        Path agents = Files.writeString(dir.resolve("agents.yaml"), "x");
        env.putAll(Map.of(
                "RUNBOOK_BOT_RUNBOOKS",
                "/rb",
                "RUNBOOK_BOT_MAX_RUNBOOK_BYTES",
                "1234",
                "RUNBOOK_BOT_ALLOWLIST",
                allowlist.toString(),
                "RUNBOOK_BOT_AGENTS",
                agents.toString(),
                "RUNBOOK_BOT_AUDIT_LOG",
                "/a.jsonl",
                "RUNBOOK_BOT_OLLAMA_URL",
                "http://o:1/",
                "RUNBOOK_BOT_EMBED_MODEL",
                "emb",
                "RUNBOOK_BOT_CHAT_MODEL",
                "chat",
                "RUNBOOK_BOT_OLLAMA_TIMEOUT",
                "7",
                "RUNBOOK_BOT_CACHE_DIR",
                "/cache"));
        env.putAll(Map.of(
                "RUNBOOK_BOT_PROMPTS",
                "/prompts",
                "RUNBOOK_BOT_INVESTIGATION_LOG",
                "/inv.jsonl",
                "RUNBOOK_BOT_INVESTIGATE_TIMEOUT",
                "42"));
        CliSettings s = settings();

        assertThat(s.runbooks()).isEqualTo(Path.of("/rb"));
        assertThat(s.maxRunbookBytes()).isEqualTo(1234);
        assertThat(s.allowlist()).contains(allowlist);
        assertThat(s.requireAllowlist()).isEqualTo(allowlist);
        assertThat(s.agents()).contains(agents);
        assertThat(s.auditLog()).isEqualTo(Path.of("/a.jsonl"));
        assertThat(s.ollamaUrl()).contains("http://o:1");
        assertThat(s.embedModel()).contains("emb");
        assertThat(s.chatModel()).contains("chat");
        assertThat(s.ollamaTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.cacheDir()).isEqualTo(Path.of("/cache"));
        assertThat(s.prompts()).isEqualTo(Path.of("/prompts"));
        assertThat(s.investigationLog()).isEqualTo(Path.of("/inv.jsonl"));
        assertThat(s.investigationTime()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void withoutOllamaThereAreNoModelsAndEmbeddingsCanBeTurnedOff() {
        env.putAll(Map.of("RUNBOOK_BOT_EMBED_MODEL", "emb", "RUNBOOK_BOT_CHAT_MODEL", "chat"));
        assertThat(settings().embedModel()).isEmpty();
        assertThat(settings().chatModel()).isEmpty();
        env.putAll(Map.of("RUNBOOK_BOT_OLLAMA_URL", "http://o:1", "RUNBOOK_BOT_EMBED_MODEL", "none"));
        assertThat(settings().embedModel()).isEmpty();
        env.remove("RUNBOOK_BOT_EMBED_MODEL");
        assertThat(settings().embedModel()).contains("nomic-embed-text");
    }

    @Test
    void theAllowlistDefaultsToTheRunbookFoldersAndANamedOneMustExist() throws IOException {
        env.put("RUNBOOK_BOT_RUNBOOKS", dir.toString());
        assertThat(settings().allowlist()).isEmpty();
        Path inFolder = Files.writeString(dir.resolve("allowlist.yaml"), "x");
        assertThat(settings().allowlist()).contains(inFolder);
        env.put("RUNBOOK_BOT_ALLOWLIST", dir.resolve("missing.yaml").toString());
        assertThatThrownBy(() -> settings().allowlist())
                .isInstanceOf(ConfigException.class)
                .hasMessage("RUNBOOK_BOT_ALLOWLIST: file not found: " + dir.resolve("missing.yaml"));
    }
}
