package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The drift issue 11 found between {@code serve} and the other commands, each pinned: a setting now
 * means the same wherever it is read.
 */
class SettingsDriftTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        CommandLine cli = Main.commandLine(name -> Optional.ofNullable(env.get(name)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path runbooksWithAllowlist() throws IOException {
        Path runbooks = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(Path.of("runbooks", "allowlist.yaml"), runbooks.resolve("allowlist.yaml"));
        return runbooks;
    }

    @Test
    void runAndDiagnosticsFindTheAllowlistInTheRunbookFolderOfTheEnvironmentNotTheWorkingDirectory()
            throws IOException {
        Path runbooks = runbooksWithAllowlist();
        env.put("RUNBOOK_BOT_RUNBOOKS", runbooks.toString());
        env.put("RUNBOOK_BOT_AUDIT_LOG", dir.resolve("audit.jsonl").toString());

        Run listed = run("diagnostics");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("diagnostics in " + runbooks.resolve("allowlist.yaml"));
        Files.writeString(
                runbooks.resolve("allowlist.yaml"),
                String.join(
                        "\n",
                        "version: 1",
                        "commands:",
                        "  - id: only-here",
                        "    description: Exists only in this allowlist",
                        "    argv: [/bin/true]",
                        "    read_only: true",
                        ""));
        Run ran = run("run", "memory");
        assertThat(ran.exit())
                .as("memory is in ./runbooks/allowlist.yaml only, which must not be used")
                .isEqualTo(2);
        assertThat(ran.err()).contains("Unknown diagnostic \"memory\"");
    }

    @Test
    void aRunbookFolderWithoutAnAllowlistIsReportedNotReplacedByTheWorkingDirectorysOne() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run run = run(
                "run",
                "memory",
                "--runbooks",
                empty.toString(),
                "--audit-log",
                dir.resolve("a.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("No allowlist: " + empty.resolve("allowlist.yaml") + " not found")
                .contains("--allowlist")
                .contains("RUNBOOK_BOT_ALLOWLIST");
    }

    @Test
    void investigateReadsItsTimeLimitFromTheEnvironmentAsServeDoes() {
        env.putAll(Map.of(
                "RUNBOOK_BOT_OLLAMA_URL",
                "http://127.0.0.1:9",
                "RUNBOOK_BOT_CHAT_MODEL",
                "llama3.1",
                "RUNBOOK_BOT_INVESTIGATE_TIMEOUT",
                "forever",
                "RUNBOOK_BOT_AUDIT_LOG",
                dir.resolve("audit.jsonl").toString()));

        Run run = run("investigate", "disk full");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("RUNBOOK_BOT_INVESTIGATE_TIMEOUT: \"forever\" is not a number of seconds");
        env.put("RUNBOOK_BOT_INVESTIGATE_TIMEOUT", "30");
        assertThat(run("investigate", "disk full", "--time-limit", "0").err())
                .contains("--time-limit: \"0\" is not a number of seconds");
    }

    @Test
    void anOllamaTimeoutOfZeroIsRejectedByEveryCommandInsteadOfClamped() throws IOException {
        Run ask = run("ask", "disk full", "--ollama-url", "http://127.0.0.1:9", "--ollama-timeout", "0");
        assertThat(ask.exit()).isEqualTo(2);
        assertThat(ask.err()).contains("--ollama-timeout: \"0\" is not a number of seconds");

        env.put("RUNBOOK_BOT_OLLAMA_URL", "http://127.0.0.1:9");
        env.put("RUNBOOK_BOT_OLLAMA_TIMEOUT", "0");
        env.put("RUNBOOK_BOT_HTTP_PORT", "0");
        env.put(
                "RUNBOOK_BOT_RUNBOOKS",
                Files.createDirectories(dir.resolve("rb")).toString());
        Run serve = run("serve");
        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err()).contains("RUNBOOK_BOT_OLLAMA_TIMEOUT: \"0\" is not a number of seconds");
    }

    @Test
    void serveConfigFileTakesTheInvestigationSettingsTheLoaderReads() throws IOException {
        Path runbooks = Files.createDirectories(dir.resolve("rb"));
        Path file = Files.writeString(
                dir.resolve("bot.yaml"),
                String.join(
                        "\n",
                        "RUNBOOK_BOT_RUNBOOKS: " + runbooks,
                        "RUNBOOK_BOT_OLLAMA_URL: http://127.0.0.1:11434",
                        "RUNBOOK_BOT_CHAT_MODEL: llama3.1",
                        "RUNBOOK_BOT_INVESTIGATION_LOG: " + dir.resolve("inv.jsonl"),
                        "RUNBOOK_BOT_INVESTIGATE_TIMEOUT: 45",
                        ""));

        BotConfig.Ollama ollama = BotConfigLoader.load(name -> Optional.empty(), Optional.of(file))
                .ollama()
                .orElseThrow();

        assertThat(ollama.investigationLog()).isEqualTo(dir.resolve("inv.jsonl"));
        assertThat(ollama.investigationTime()).hasSeconds(45);
    }
}
