package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotConfigLoaderTest {
    private static final String BOT = "xoxb-1234-5678-abcdef";
    private static final String APP = "xapp-1-A1-secretpart";
    private static final String DISCORD = "MTAyMzQ1Njc4OTAxMjM0NTY3OA.GxYzAb.abcdefghijklmnop_qrstuvwxyz";

    @TempDir
    Path dir;

    private Path runbooks;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void folder() throws IOException {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        env.put("RUNBOOK_BOT_RUNBOOKS", runbooks.toString());
    }

    private BotConfig load() {
        return BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.empty());
    }

    /** The start-up summary of serve over the same environment. */
    private List<String> summary() {
        return SettingValues.of(name -> Optional.ofNullable(env.get(name)), Optional.empty(), Map.of())
                .summary("serve");
    }

    private void assertRejected(String variable, String secretValue) {
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable)
                .hasMessageNotContaining(secretValue);
    }

    @Test
    void defaultsWithoutChatTokens() {
        BotConfig config = load();

        assertThat(config.runbooks()).isEqualTo(runbooks);
        assertThat(config.allowlist()).isEmpty();
        assertThat(config.agents()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.sourceUrl()).isEmpty();
        assertThat(config.auditLog()).isEqualTo(Path.of("runbook-bot.audit.jsonl"));
        assertThat(config.feedback()).isEqualTo(Path.of("runbook-bot.feedback.jsonl"));
        assertThat(config.slack()).isEmpty();
        assertThat(config.discord()).isEmpty();
        assertThat(summary()).contains("SLACK_BOT_TOKEN=(not set)", "DISCORD_BOT_TOKEN=(not set)");
    }

    @Test
    void suggestedDiagnosticsRunOnThisHostUnlessADefaultAgentIsNamed() {
        assertThat(load().runOn()).isEqualTo("local");
        env.put("RUNBOOK_BOT_DEFAULT_AGENT", "web-1");
        assertThat(load().runOn()).isEqualTo("web-1");
    }

    @Test
    void allowlistDefaultsToTheOneInTheRunbooksFolder() throws IOException {
        Path allowlist = Files.writeString(runbooks.resolve("allowlist.yaml"), "version: 1\n");

        assertThat(load().allowlist()).contains(allowlist);
    }

    @Test
    void slackInSocketModeWithIncidentChannels() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "RUNBOOK_BOT_INCIDENT_CHANNELS", "C024BE91L, inc-*"));

        BotConfig.Slack slack = load().slack().orElseThrow();

        assertThat(slack.botToken().reveal()).isEqualTo(BOT);
        assertThat(slack.socketMode()).isTrue();
        assertThat(slack.httpPort()).isEqualTo(3000);
        assertThat(slack.incidentChannels()).containsExactly("C024BE91L", "inc-*");
    }

    @Test
    void describeRedactsEverySecret() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_SIGNING_SECRET",
                "8f742231b10e8888abcd99yyyzzz85a5",
                "DISCORD_BOT_TOKEN",
                DISCORD));

        List<String> lines = summary();

        assertThat(lines).contains("SLACK_BOT_TOKEN=xoxb-****", "DISCORD_BOT_TOKEN=****");
        assertThat(String.join("\n", lines)).doesNotContain(BOT, "8f742231b10e", DISCORD);
        assertThat(load().toString()).doesNotContain(BOT, "8f742231b10e", DISCORD);
    }

    @Test
    void secretFromAMountedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("discord-token"), DISCORD + "\n");
        env.put("DISCORD_BOT_TOKEN_FILE", file.toString());

        assertThat(load().discord().orElseThrow().botToken().reveal()).isEqualTo(DISCORD);
    }

    @Test
    void rejectsSlackBotTokenWithTheWrongPrefix() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", "garbage-value", "SLACK_APP_TOKEN", APP));
        assertRejected("SLACK_BOT_TOKEN", "garbage-value");
    }

    @Test
    void rejectsSlackBotTokenWithWhitespace() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", BOT + "\n", "SLACK_APP_TOKEN", APP));
        assertRejected("SLACK_BOT_TOKEN", BOT);
    }

    @Test
    void rejectsSlackAppTokenWithTheWrongPrefix() {
        env.putAll(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxb-wrong-kind"));
        assertRejected("SLACK_APP_TOKEN", "xoxb-wrong-kind");
    }

    @Test
    void rejectsDiscordTokenThatIsNotThreeParts() {
        env.put("DISCORD_BOT_TOKEN", "just-one-part-token");
        assertRejected("DISCORD_BOT_TOKEN", "just-one-part-token");
    }

    @Test
    void rejectsSlackWithNeitherAppTokenNorSigningSecret() {
        env.put("SLACK_BOT_TOKEN", BOT);
        assertRejected("SLACK_SIGNING_SECRET", BOT);
    }

    @Test
    void rejectsDiscordTokenWithBotPrefix() {
        env.put("DISCORD_BOT_TOKEN", "Bot " + DISCORD);
        assertRejected("DISCORD_BOT_TOKEN", DISCORD);
    }

    @Test
    void rejectsBadPorts() {
        env.put("RUNBOOK_BOT_HTTP_PORT", "80a");
        assertRejected("RUNBOOK_BOT_HTTP_PORT", "\u0000");
        env.put("RUNBOOK_BOT_HTTP_PORT", "70000");
        assertRejected("RUNBOOK_BOT_HTTP_PORT", "\u0000");
        env.remove("RUNBOOK_BOT_HTTP_PORT");
        env.putAll(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "abc123", "SLACK_HTTP_PORT", "-1"));
        assertRejected("SLACK_HTTP_PORT", BOT);
    }

    @Test
    void healthAndSlackHttpListenOnThisHostOnlyUnlessABindAddressIsSet() {
        env.put("SLACK_BOT_TOKEN", BOT);
        env.put("SLACK_SIGNING_SECRET", "signing");
        BotConfig config = load();
        assertThat(config.httpBind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.slack().orElseThrow().httpBind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(summary())
                .contains("RUNBOOK_BOT_HTTP_BIND=127.0.0.1 (default)", "RUNBOOK_BOT_HTTP_PORT=8080 (default)");

        env.put("RUNBOOK_BOT_HTTP_BIND", "0.0.0.0");
        env.put("SLACK_HTTP_BIND", "[::1]");
        config = load();
        assertThat(config.httpBind().isAnyLocalAddress()).isTrue();
        assertThat(config.slack().orElseThrow().httpBind().isLoopbackAddress()).isTrue();
        assertThat(config.slack().orElseThrow().httpBind().getAddress()).hasSize(16);
    }

    @Test
    void rejectsBindAddressesThatAreNotIpLiterals() {
        for (String bad : List.of("localhost", "256.0.0.1", "10.0.0", "[::1", "eth0", "0.0.0.0:8080", "::g")) {
            env.put("RUNBOOK_BOT_HTTP_BIND", bad);
            assertThatThrownBy(this::load)
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("RUNBOOK_BOT_HTTP_BIND: \"" + bad + "\" is not an IP address");
        }
        env.remove("RUNBOOK_BOT_HTTP_BIND");
        env.put("SLACK_BOT_TOKEN", BOT);
        env.put("SLACK_SIGNING_SECRET", "signing");
        env.put("SLACK_HTTP_BIND", "example.com");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_HTTP_BIND:");
    }

    @Test
    void readsTheRunbookSizeCapAndRejectsBadOnes() {
        assertThat(BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.empty())
                        .maxRunbookBytes())
                .isEqualTo(1_048_576);
        env.put("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "2000000");
        assertThat(BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.empty())
                        .maxRunbookBytes())
                .isEqualTo(2_000_000);
        env.put("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "0");
        assertRejected("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "\u0000");
        env.put("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "1MB");
        assertRejected("RUNBOOK_BOT_MAX_RUNBOOK_BYTES", "\u0000");
    }

    @Test
    void rejectsMissingRunbooksFolderAndMissingNamedFiles() {
        env.put("RUNBOOK_BOT_ALLOWLIST", dir.resolve("nope.yaml").toString());
        assertRejected("RUNBOOK_BOT_ALLOWLIST", "\u0000");
        env.put("RUNBOOK_BOT_RUNBOOKS", dir.resolve("missing").toString());
        assertRejected("RUNBOOK_BOT_RUNBOOKS", "\u0000");
    }

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

    @Test
    void rejectsMalformedIncidentChannel() {
        env.putAll(Map.of(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_APP_TOKEN",
                APP,
                "RUNBOOK_BOT_INCIDENT_CHANNELS",
                "inc-*, #general chat"));
        assertRejected("RUNBOOK_BOT_INCIDENT_CHANNELS", BOT);
    }

    @Test
    void configFileFillsInAndTheEnvironmentWins() throws IOException {
        Path file = Files.writeString(
                dir.resolve("bot.yaml"),
                "RUNBOOK_BOT_HTTP_PORT: 9100\n" + "RUNBOOK_BOT_SOURCE_URL: https://git.example.com/{file}#L{line}\n");
        env.put("RUNBOOK_BOT_HTTP_PORT", "9200");

        BotConfig config = BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.of(file));

        assertThat(config.httpPort()).isEqualTo(9200);
        assertThat(config.sourceUrl()).isEqualTo("https://git.example.com/{file}#L{line}");
    }

    @Test
    void configFileWithATypoIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("bot.yaml"), "RUNBOOK_BOT_HTTP_PROT: 9100\n");

        assertThatThrownBy(() -> BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RUNBOOK_BOT_HTTP_PROT");
    }

    @Test
    void configFileMayNotHoldSecrets() throws IOException {
        Path file = Files.writeString(dir.resolve("bot.yaml"), "SLACK_BOT_TOKEN: " + BOT + "\n");

        assertThatThrownBy(() -> BotConfigLoader.load(name -> Optional.ofNullable(env.get(name)), Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SLACK_BOT_TOKEN")
                .hasMessageNotContaining(BOT);
    }
}
