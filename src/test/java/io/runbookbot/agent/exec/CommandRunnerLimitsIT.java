package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.protocol.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Timeouts kill the whole process tree, leftovers are killed, output is cut at the cap. Runs real processes. */
class CommandRunnerLimitsIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int CAP = 64 * 1024;

    @AutoClose
    private final CommandRunner runner = new CommandRunner(4, Duration.ofSeconds(5));

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

    /** Killing is asynchronous: give the kernel a moment, then every pid must be gone. */
    static void assertAllGone(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline && pids.stream().anyMatch(CommandRunnerLimitsIT::alive)) {
            Thread.sleep(50);
        }
        assertThat(pids).as("pids still alive").noneMatch(CommandRunnerLimitsIT::alive);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
