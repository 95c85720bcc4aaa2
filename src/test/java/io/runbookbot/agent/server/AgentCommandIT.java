package io.runbookbot.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.TestJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook-bot agent} refuses to start without a safe secret or on a public address by accident. */
class AgentCommandIT {

    @TempDir
    Path dir;

    private record Exit(int code, String err) {}

    private Exit agent(Map<String, String> env, String... args) throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(
                allowlist,
                "version: 1\ncommands:\n  - id: echo-ok\n    description: ok\n"
                        + "    argv: [/bin/echo, ok]\n    read_only: true\n");
        List<String> command = new ArrayList<>(TestJvm.main(
                "io.runbookbot.app.Main",
                "agent",
                "--allowlist",
                allowlist.toString(),
                "--listen",
                "127.0.0.1:0",
                "--audit-log",
                dir.resolve("audit.jsonl").toString()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("RUNBOOK_BOT_AGENT_SECRET");
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("agent did not exit: " + Files.readString(err));
        }
        return new Exit(p.exitValue(), Files.readString(err));
    }

    @Test
    void refusesToStartWithoutASecret() throws Exception {
        Exit exit = agent(Map.of());
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err())
                .contains("environment variable RUNBOOK_BOT_AGENT_SECRET is not set")
                .contains("--secret-file");
    }

    @Test
    void refusesAShortSecretWithoutPrintingIt() throws Exception {
        Exit exit = agent(Map.of("RUNBOOK_BOT_AGENT_SECRET", "hunter2-hunter2"));
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err()).contains("shorter than 32 bytes").doesNotContain("hunter2");
    }

    @Test
    void refusesASecretFileOthersCanRead() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "s".repeat(40));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Exit exit = agent(Map.of(), "--secret-file", secret.toString());
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err()).contains("chmod 600").doesNotContain("s".repeat(40));
    }

    @Test
    void refusesANonLoopbackAddressWithoutAllowRemote() throws Exception {
        Exit exit = agent(Map.of("RUNBOOK_BOT_AGENT_SECRET", "s".repeat(40)), "--listen", "0.0.0.0:0");
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err()).contains("--allow-remote");
    }

    @Test
    void takesNoSecretOnTheCommandLine() throws Exception {
        Exit exit = agent(Map.of("RUNBOOK_BOT_AGENT_SECRET", "s".repeat(40)), "--secret", "s".repeat(40));
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err()).contains("Unknown option");
    }
}
