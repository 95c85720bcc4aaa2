package io.runbookbot.agent.exec;

import static io.runbookbot.agent.exec.ChildProcesses.awaitChild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.agent.protocol.RunResult;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Run slots, the queue wait and closing: busy refusals lose no run, closing kills what runs. Runs real processes. */
class CommandRunnerSlotsIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int CAP = 64 * 1024;

    @AutoClose
    private final CommandRunner runner = new CommandRunner(4, Duration.ofSeconds(5));

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
}
