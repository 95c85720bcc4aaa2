package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.protocol.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a command is started: its own session, argv without a shell, a fixed environment and PATH, an
 * empty stdin, its working folder; its exit code and output. Runs real processes.
 */
class CommandRunnerLaunchIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int CAP = 64 * 1024;

    @AutoClose
    private final CommandRunner runner = new CommandRunner(4, Duration.ofSeconds(5));

    @Test
    void startsEachCommandAsTheLeaderOfItsOwnSessionAndProcessGroup() throws Exception {
        RunResult result = runner.run(List.of("cat", "/proc/self/stat"), TEN_SECONDS, CAP);

        // /proc/PID/stat: pid (comm) state ppid pgrp session ...
        String[] fields =
                result.stdout().substring(result.stdout().lastIndexOf(')') + 2).split(" ");
        String pid = result.stdout().substring(0, result.stdout().indexOf(' '));
        assertThat(result.exitCode()).isZero();
        assertThat(fields[2]).as("process group").isEqualTo(pid);
        assertThat(fields[3]).as("session").isEqualTo(pid);
    }

    @Test
    void returnsExitCodeAndOutputOfEcho() throws Exception {
        RunResult result = runner.run(List.of("echo", "hello", "world"), TEN_SECONDS, CAP);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello world\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stderrTruncated()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.durationMillis()).isBetween(0L, 5_000L);
    }

    @Test
    void capturesStderrSeparatelyWithTheNonZeroExitCode() throws Exception {
        RunResult result = runner.run(List.of("ls", "/no-such-folder-here"), TEN_SECONDS, CAP);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("/no-such-folder-here").contains("No such file or directory");
    }

    @Test
    void passesArgumentsVerbatimWithoutAShell() throws Exception {
        RunResult result =
                runner.run(List.of("/usr/bin/printf", "%s|", "$(id)", "; ls", "`id`", "*"), TEN_SECONDS, CAP);

        assertThat(result.stdout()).isEqualTo("$(id)|; ls|`id`|*|");
    }

    @Test
    void givesTheChildOnlyTheFixedEnvironment() throws Exception {
        RunResult result = runner.run(List.of("/usr/bin/env"), TEN_SECONDS, CAP);

        assertThat(result.stdout().lines())
                .containsExactlyInAnyOrder(
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "LANG=C.UTF-8",
                        "LC_ALL=C.UTF-8");
    }

    @Test
    void givesTheChildAnEmptyStdin() throws Exception {
        RunResult result = runner.run(List.of("cat"), Duration.ofSeconds(2), CAP);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void runsInTheRootFolderByDefault() throws Exception {
        assertThat(runner.run(List.of("pwd"), TEN_SECONDS, CAP).stdout()).isEqualTo("/\n");
    }

    @Test
    void runsInTheConfiguredWorkingDirectory(@TempDir Path dir) throws Exception {
        try (CommandRunner inDir = new CommandRunner(1, Duration.ZERO, dir)) {
            assertThat(inDir.run(List.of("pwd"), TEN_SECONDS, CAP).stdout()).isEqualTo(dir.toRealPath() + "\n");
        }
    }

    @Test
    void missingProgramGivesAClearMessage() throws Exception {
        RunResult result = runner.run(List.of("no-such-program-xyz", "-v"), TEN_SECONDS, CAP);

        assertThat(result.exitCode()).isEqualTo(CommandRunner.EXIT_NOT_FOUND);
        assertThat(result.stderr()).isEqualTo("program not found: no-such-program-xyz");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void missingAbsoluteProgramGivesAClearMessage() throws Exception {
        RunResult result = runner.run(List.of("/opt/nothing/bin/tool"), TEN_SECONDS, CAP);

        assertThat(result.stderr()).isEqualTo("program not found: /opt/nothing/bin/tool");
    }

    @Test
    void findsBareProgramNamesOnlyInTheFixedPath(@TempDir Path dir) throws Exception {
        // a program in a folder outside the fixed PATH is not found by its bare name
        java.nio.file.Path tool = dir.resolve("runbook-test-tool");
        java.nio.file.Files.writeString(tool, "#!/bin/sh\necho found\n");
        tool.toFile().setExecutable(true);

        assertThat(runner.run(List.of("runbook-test-tool"), TEN_SECONDS, CAP).stderr())
                .isEqualTo("program not found: runbook-test-tool");
        assertThat(runner.run(List.of(tool.toString()), TEN_SECONDS, CAP).stdout())
                .isEqualTo("found\n");
    }
}
