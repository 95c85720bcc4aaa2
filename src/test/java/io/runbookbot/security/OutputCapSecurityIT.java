package io.runbookbot.security;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.TestJvm;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistException;
import io.runbookbot.agent.protocol.ResponseLimits;
import io.runbookbot.agent.protocol.RunRequest;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.protocol.SharedSecret;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.diagnostics.AgentClient;
import io.runbookbot.diagnostics.AgentEntry;
import io.runbookbot.diagnostics.AgentSecretRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 15 of issue 9, performed for real: an allowlist whose output cap is more than the bot will
 * receive (8 MiB per answer) no longer loads, in the agent process or on the bot; and at the
 * largest cap that loads, the worst output (NUL bytes, six bytes each in JSON) reaches the bot
 * through a real agent.
 */
class OutputCapSecurityIT {

    @TempDir
    Path dir;

    private Path allowlist(String cap, int bytes) throws Exception {
        Path file = dir.resolve("allowlist.yaml");
        Files.writeString(file, """
                version: 1
                commands:
                  - id: zeros
                    description: NUL bytes, the worst case for JSON
                    argv: [head, -c, "%d", /dev/zero]
                    output_cap: %s
                    read_only: true
                """.formatted(bytes, cap));
        return file;
    }

    @Test
    void anAgentWithAnOutputCapAboveWhatTheBotReceivesRefusesToStartNamingFileEntryAndField() throws Exception {
        Path file = allowlist("1MiB", 1024);
        List<String> command = new ArrayList<>(TestJvm.main(
                "io.runbookbot.app.Main",
                "agent",
                "--allowlist",
                file.toString(),
                "--listen",
                "127.0.0.1:0",
                "--audit-log",
                dir.resolve("audit.jsonl").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RUNBOOK_BOT_AGENT_SECRET", SECRET);
        Process agent = builder.start();
        String output = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(agent.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("allowlist.yaml")
                .contains("(id \"zeros\")")
                .contains("output_cap: 1MiB is more" + " than the bot will receive")
                .doesNotContain("agent ready");
    }

    @Test
    void theBotRefusesToLoadSuchAnAllowlistToo() throws Exception {
        Path file = allowlist("8MiB", 1024);
        assertThatThrownBy(() -> Allowlist.load(file))
                .isInstanceOf(AllowlistException.class)
                .hasMessageContaining("allowlist.yaml")
                .hasMessageContaining("(id \"zeros\"): output_cap: 8MiB");
    }

    @Test
    void atTheLargestCapThatLoadsTheWorstOutputReachesTheBot() throws Exception {
        int cap = ResponseLimits.MAX_OUTPUT_CAP;
        Path file = allowlist(cap + "B", cap);
        try (AgentProcess agent = AgentProcess.start(dir, file, dir.resolve("audit.jsonl"), SECRET)) {
            AgentClient bot = new AgentClient(
                    new AgentEntry("cap", agent.url(), new AgentSecretRef.EnvVar("X")),
                    SharedSecret.ofText(SECRET, "test"));

            RunResult result = bot.run(new RunRequest("zeros", Map.of(), "alice"), Duration.ofSeconds(20));

            assertThat(result.stdout()).hasSize(cap);
            assertThat(result.stdoutTruncated()).isFalse();
        }
    }
}
