package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ollama settings: off by default, models, timeouts, investigation log and prompts. */
class BotConfigOllamaTest extends BotConfigFixture {

    @Test
    void ollamaIsOffUnlessItsUrlIsSetAndThenEmbedsWithNomicByDefault() {
        assertThat(load().ollama()).isEmpty();
        assertThat(summary()).contains("RUNBOOK_BOT_OLLAMA_URL=(not set)");

        env.put("RUNBOOK_BOT_OLLAMA_URL", "http://ollama:11434/");
        BotConfig.Ollama ollama = load().ollama().orElseThrow();

        assertThat(ollama.baseUrl()).isEqualTo("http://ollama:11434");
        assertThat(ollama.embedModel()).contains("nomic-embed-text");
        assertThat(ollama.chatModel()).isEmpty();
        assertThat(ollama.timeout()).hasSeconds(10);
        assertThat(ollama.prompts()).isEqualTo(Path.of("prompts"));
    }

    @Test
    void ollamaModelsTimeoutAndEmbeddingsOff() {
        env.putAll(Map.of(
                "RUNBOOK_BOT_OLLAMA_URL",
                "http://127.0.0.1:11434",
                "RUNBOOK_BOT_EMBED_MODEL",
                "none",
                "RUNBOOK_BOT_CHAT_MODEL",
                "llama3.1:8b",
                "RUNBOOK_BOT_OLLAMA_TIMEOUT",
                "2.5",
                "RUNBOOK_BOT_CACHE_DIR",
                dir.resolve("cache").toString()));
        BotConfig.Ollama ollama = load().ollama().orElseThrow();

        assertThat(ollama.embedModel()).isEmpty();
        assertThat(ollama.chatModel()).contains("llama3.1:8b");
        assertThat(ollama.timeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(ollama.cacheDir()).isEqualTo(dir.resolve("cache"));
    }

    @Test
    void investigationLogAndTimeLimitDefaultAndCanBeSet() {
        env.putAll(Map.of("RUNBOOK_BOT_OLLAMA_URL", "http://127.0.0.1:11434", "RUNBOOK_BOT_CHAT_MODEL", "llama3.2"));
        assertThat(load().ollama().orElseThrow().investigationLog())
                .isEqualTo(Path.of("runbook-bot.investigations.jsonl"));
        assertThat(load().ollama().orElseThrow().investigationTime()).hasSeconds(60);

        env.putAll(Map.of(
                "RUNBOOK_BOT_INVESTIGATION_LOG",
                dir.resolve("inv.jsonl").toString(),
                "RUNBOOK_BOT_INVESTIGATE_TIMEOUT",
                "30"));
        BotConfig.Ollama ollama = load().ollama().orElseThrow();

        assertThat(ollama.investigationLog()).isEqualTo(dir.resolve("inv.jsonl"));
        assertThat(ollama.investigationTime()).hasSeconds(30);
        assertThat(summary())
                .contains(
                        "RUNBOOK_BOT_INVESTIGATION_LOG=" + dir.resolve("inv.jsonl"),
                        "RUNBOOK_BOT_INVESTIGATE_TIMEOUT=30 s");
        env.put("RUNBOOK_BOT_INVESTIGATE_TIMEOUT", "forever");
        assertRejected("RUNBOOK_BOT_INVESTIGATE_TIMEOUT", "\u0000");
    }

    @Test
    void promptsFolderComesFromRunbookBotPrompts() {
        env.putAll(Map.of("RUNBOOK_BOT_OLLAMA_URL", "http://127.0.0.1:11434", "RUNBOOK_BOT_PROMPTS", "/srv/prompts"));

        assertThat(load().ollama().orElseThrow().prompts()).isEqualTo(Path.of("/srv/prompts"));
    }

    @Test
    void rejectsBadOllamaSettings() {
        env.put("RUNBOOK_BOT_OLLAMA_URL", "ollama:11434");
        assertRejected("RUNBOOK_BOT_OLLAMA_URL", "\u0000");
        env.put("RUNBOOK_BOT_OLLAMA_URL", "http://127.0.0.1:11434");
        env.put("RUNBOOK_BOT_OLLAMA_TIMEOUT", "soon");
        assertRejected("RUNBOOK_BOT_OLLAMA_TIMEOUT", "\u0000");
        env.remove("RUNBOOK_BOT_OLLAMA_TIMEOUT");
        env.put("RUNBOOK_BOT_CHAT_MODEL", "llama3; rm -rf /");
        assertRejected("RUNBOOK_BOT_CHAT_MODEL", "\u0000");
    }
}
