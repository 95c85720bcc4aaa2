package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.protocol.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes. */
class CommandRunnerIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int CAP = 64 * 1024;

    private final CommandRunner runner = new CommandRunner(4, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        runner.close();
    }

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
    void timeoutKillsTheProcessAndItsChildrenAndGrandchildren() throws Exception {
        // test-only command: prints the pids of sh, its background sleep and a nested sh's sleep
        String script = "echo $$; sleep 60 & echo $!; sh -c 'echo $$; sleep 60 & echo $!; wait' & wait";

        RunResult result = runner.run(List.of("sh", "-c", script), Duration.ofSeconds(1), CAP);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(CommandRunner.EXIT_KILLED);
        assertThat(result.durationMillis()).isBetween(1_000L, 4_000L);
        List<Long> pids = result.stdout().lines().map(Long::parseLong).collect(Collectors.toList());
        assertThat(pids).hasSize(4);
        assertAllGone(pids);
    }

    @Test
    void killsBackgroundChildrenLeftBehindWhenTheCommandExits() throws Exception {
        RunResult result = runner.run(List.of("sh", "-c", "sleep 60 & echo $!; sleep 0.5"), TEN_SECONDS, CAP);

        assertThat(result.exitCode()).isZero();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.durationMillis()).isLessThan(5_000L);
        assertAllGone(List.of(Long.parseLong(result.stdout().trim())));
    }

    @Test
    void outputFloodIsCutAtTheCapAndTheProcessKilledLongBeforeTheTimeout() throws Exception {
        RunResult result = runner.run(List.of("/usr/bin/yes"), Duration.ofSeconds(30), CAP);

        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdout()).hasSize(CAP).isEqualTo("y\n".repeat(CAP / 2));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(CommandRunner.EXIT_KILLED);
        assertThat(result.durationMillis()).isLessThan(5_000L);
    }

    @Test
    void stderrFloodIsCutAtTheCapToo() throws Exception {
        RunResult result = runner.run(List.of("sh", "-c", "yes err >&2"), Duration.ofSeconds(30), 4096);

        assertThat(result.stderrTruncated()).isTrue();
        assertThat(result.stderr()).hasSize(4096).startsWith("err\nerr\n");
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.durationMillis()).isLessThan(5_000L);
    }

    @Test
    void cutsOnAUtf8CharacterBoundary() throws Exception {
        // "é" is 2 bytes: a 5-byte cap keeps two whole characters, not half of the third
        RunResult result = runner.run(List.of("/usr/bin/printf", "ééééé"), TEN_SECONDS, 5);

        assertThat(result.stdout()).isEqualTo("éé");
        assertThat(result.stdoutTruncated()).isTrue();
    }

    @Test
    void outputExactlyAtTheCapIsNotMarkedTruncated() throws Exception {
        RunResult result = runner.run(List.of("/usr/bin/printf", "abcd"), TEN_SECONDS, 4);

        assertThat(result.stdout()).isEqualTo("abcd");
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.exitCode()).isZero();
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

    @Test
    void twoSlotsAndAShortQueueWaitRunTwoAndRefuseThreeWithNoneLost() throws Exception {
        try (CommandRunner two = new CommandRunner(2, Duration.ofMillis(200))) {
            List<Outcome> outcomes = runTogether(two, 5);

            assertThat(outcomes)
                    .filteredOn(o -> o.result != null)
                    .hasSize(2)
                    .allSatisfy(o -> assertThat(o.result.exitCode()).isZero());
            assertThat(outcomes)
                    .filteredOn(o -> o.busy != null)
                    .hasSize(3)
                    .allSatisfy(o -> assertThat(o.busy.getMessage())
                            .isEqualTo("busy: 2 commands are already"
                                    + " running and none finished within 200 ms; nothing was run, try again shortly"));
        }
    }

    @Test
    void aLongEnoughQueueWaitRunsAllFive() throws Exception {
        try (CommandRunner two = new CommandRunner(2, Duration.ofSeconds(10))) {
            List<Outcome> outcomes = runTogether(two, 5);

            assertThat(outcomes).hasSize(5).allSatisfy(o -> {
                assertThat(o.busy).isNull();
                assertThat(o.result.exitCode()).isZero();
            });
        }
    }

    @Test
    void closingKillsARunningCommand() throws Exception {
        CommandRunner closing = new CommandRunner(1, Duration.ZERO);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> run = pool.submit(() -> closing.run(List.of("sleep", "60"), Duration.ofSeconds(60), CAP));
            awaitChild("sleep");

            closing.close();

            RunResult result = run.get(10, TimeUnit.SECONDS);
            assertThat(result.exitCode()).isEqualTo(CommandRunner.EXIT_KILLED);
            assertThat(result.timedOut()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesToRunAfterClose() {
        runner.close();

        assertThatThrownBy(() -> runner.run(List.of("echo"), TEN_SECONDS, CAP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the command runner is closed");
    }

    private record Outcome(RunResult result, RunnerBusyException busy) {}

    private static List<Outcome> runTogether(CommandRunner runner, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Callable<Outcome> task = () -> {
                    start.await();
                    try {
                        return new Outcome(runner.run(List.of("sleep", "1"), TEN_SECONDS, CAP), null);
                    } catch (RunnerBusyException e) {
                        return new Outcome(null, e);
                    }
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(get(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome get(Future<Outcome> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a run was lost to an unexpected exception", e.getCause());
        }
    }

    /** Killing is asynchronous: give the kernel a moment, then every pid must be gone. */
    static void assertAllGone(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline && pids.stream().anyMatch(CommandRunnerIT::alive)) {
            Thread.sleep(50);
        }
        assertThat(pids).as("pids still alive").noneMatch(CommandRunnerIT::alive);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until this JVM has a child process running {@code command} (the event, not a fixed pause). */
    static void awaitChild(String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current()
                .descendants()
                .noneMatch(p -> p.info().command().orElse("").endsWith("/" + command))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + command + " process started");
            }
            Thread.sleep(10);
        }
    }
}
