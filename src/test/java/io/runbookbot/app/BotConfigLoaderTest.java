package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loading {@link BotConfig}: defaults, files and folders, the listeners' ports and bind addresses,
 * and the {@code --config} file.
 */
class BotConfigLoaderTest extends BotConfigFixture {

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
    void rejectsMissingRunbooksFolderAndMissingNamedFiles() {
        env.put("RUNBOOK_BOT_ALLOWLIST", dir.resolve("nope.yaml").toString());
        assertRejected("RUNBOOK_BOT_ALLOWLIST", "\u0000");
        env.put("RUNBOOK_BOT_RUNBOOKS", dir.resolve("missing").toString());
        assertRejected("RUNBOOK_BOT_RUNBOOKS", "\u0000");
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
