package io.runbookbot.agent.exec;

import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.agent.protocol.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an already validated argv: directly with {@link ProcessBuilder} (never through a shell),
 * with a fixed minimal environment ({@link #ENVIRONMENT}), stdin from {@code /dev/null}, a fixed
 * working directory, a timeout that kills the whole process tree, stdout and stderr each read by
 * its own thread and capped (a stream passing the cap is cut on a UTF-8 boundary, marked, and the
 * process tree killed), and at most {@code maxConcurrent} runs at once: a run that gets no slot
 * within {@code queueWait} throws {@link RunnerBusyException}. Each command starts in a process
 * group of its own, watched by a {@link ChildReaper} that kills it if this JVM dies (even by
 * {@code kill -9}). Closing the runner kills what is still running and stops its reader threads.
 */
public final class CommandRunner implements AutoCloseable {
    /** The whole environment of every child process. */
    public static final Map<String, String> ENVIRONMENT = environment();
    /** Exit code reported when argv[0] is not found (as a shell does). */
    public static final int EXIT_NOT_FOUND = 127;
    /** Exit code reported when argv[0] exists but cannot be started. */
    public static final int EXIT_CANNOT_START = 126;
    /** Exit code reported when the runner killed the process (timeout, output cap, close). */
    public static final int EXIT_KILLED = -1;

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final List<Path> SEARCH_PATH = java.util.Arrays.stream(
                    ENVIRONMENT.get("PATH").split(":"))
            .map(Path::of)
            .toList();
    /** How long to wait for a killed process to be gone and for its output to close. */
    private static final long GRACE_MILLIS = 2_000;
    /** How often the descendants of a running process are noted. */
    private static final long POLL_MILLIS = 50;

    private final int maxConcurrent;
    private final Duration queueWait;
    private final File workingDirectory;
    private final Semaphore slots;
    private final ExecutorService readers;
    /** The kill action of every run in progress. */
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean closed = new AtomicBoolean();
    /** Starts each command in its own process group and kills the groups when this JVM dies. */
    private final Optional<ChildReaper> reaper = ChildReaper.create();

    /** Working directory {@code /}. */
    public CommandRunner(int maxConcurrent, Duration queueWait) {
        this(maxConcurrent, queueWait, Path.of("/"));
    }

    public CommandRunner(int maxConcurrent, Duration queueWait, Path workingDirectory) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("queueWait must not be negative, got " + queueWait);
        }
        this.maxConcurrent = maxConcurrent;
        this.queueWait = queueWait;
        this.workingDirectory = workingDirectory.toFile();
        this.slots = new Semaphore(maxConcurrent, true);
        this.readers = Executors.newCachedThreadPool(daemonThreads());
    }

    /** Runs a validated request with its entry's timeout and output cap. */
    public RunResult run(CommandSpec spec, Validation.Accepted accepted) throws InterruptedException {
        return run(spec, accepted, () -> {});
    }

    /**
     * Runs a validated request; {@code beforeStart} is called once a run slot is held, before
     * anything is started (the audit's "started" line). When it throws, nothing is run and its
     * exception reaches the caller. The checked files of a read-only entry are opened here without
     * following links ({@link PinnedFiles}); one that cannot be gives exit code
     * {@value #EXIT_CANNOT_START} with the reason on stderr, and nothing runs.
     */
    public RunResult run(CommandSpec spec, Validation.Accepted accepted, Runnable beforeStart)
            throws InterruptedException {
        return run(accepted, spec.timeout(), spec.outputCap(), beforeStart);
    }

    /**
     * Runs {@code argv} and waits for it to end, be killed at {@code timeout}, or be killed
     * because stdout or stderr passed {@code outputCap} bytes. A program that does not exist gives
     * exit code {@value #EXIT_NOT_FOUND} and stderr {@code program not found: NAME}; one that
     * cannot be started gives {@value #EXIT_CANNOT_START}. Killed runs report exit code
     * {@value #EXIT_KILLED}.
     *
     * @throws RunnerBusyException  when no slot freed within the queue wait (nothing was run)
     * @throws InterruptedException when the caller was interrupted; the process tree is killed
     */
    public RunResult run(List<String> argv, Duration timeout, int outputCap) throws InterruptedException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("need a non-empty argv, a positive timeout and output cap");
        }
        return run(new Validation.Accepted(argv), timeout, outputCap, () -> {});
    }

    private RunResult run(Validation.Accepted command, Duration timeout, int outputCap, Runnable beforeStart)
            throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero() || outputCap < 1) {
            throw new IllegalArgumentException("need a non-empty argv, a positive timeout and output cap");
        }
        if (closed.get()) {
            throw new IllegalStateException("the command runner is closed");
        }
        if (!slots.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new RunnerBusyException("busy: " + maxConcurrent + " commands are already running and none finished"
                    + " within " + queueWait.toMillis() + " ms; nothing was run, try again shortly");
        }
        try {
            beforeStart.run();
            return runInSlot(command, timeout, outputCap);
        } finally {
            slots.release();
        }
    }

    /** Opens the files of path parameters (see {@link PinnedFiles}) and runs with what was opened. */
    private RunResult runInSlot(Validation.Accepted accepted, Duration timeout, int outputCap)
            throws InterruptedException {
        List<Path> files = accepted.files().stream()
                .flatMap(f -> f.files().values().stream())
                .toList();
        PinnedFiles pinned;
        try {
            pinned = PinnedFiles.open(files);
        } catch (IOException e) {
            return failed(EXIT_CANNOT_START, e.getMessage());
        }
        try (pinned) {
            return runInSlot(accepted.argv(pinned::pathOf), timeout, outputCap);
        }
    }

    private RunResult runInSlot(List<String> argv, Duration timeout, int outputCap) throws InterruptedException {
        Optional<Path> program = Programs.find(argv.get(0), SEARCH_PATH);
        if (program.isEmpty()) {
            LOG.warn("program not found on this host: {}", argv.get(0));
            return failed(EXIT_NOT_FOUND, "program not found: " + argv.get(0));
        }
        List<String> command = new ArrayList<>(argv);
        command.set(0, program.get().toString());
        long start = System.nanoTime();
        Process process;
        try {
            process = processBuilder(command).start();
        } catch (IOException e) {
            return failed(EXIT_CANNOT_START, "cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        AtomicBoolean killed = new AtomicBoolean();
        Runnable kill = () -> {
            killed.set(true);
            ProcessTree.kill(process.toHandle());
        };
        running.add(kill);
        reaper.ifPresent(r -> r.started(process.pid()));
        try {
            return watch(process, start, timeout, outputCap, kill, killed);
        } catch (java.util.concurrent.RejectedExecutionException e) { // closed before its output was read
            kill.run();
            return failed(EXIT_KILLED, "the command runner was closed");
        } finally {
            running.remove(kill);
            reaper.ifPresent(r -> r.ended(process.pid()));
        }
    }

    private RunResult watch(
            Process process, long start, Duration timeout, int outputCap, Runnable kill, AtomicBoolean killed)
            throws InterruptedException {
        CappedOutput out = new CappedOutput(process.getInputStream(), outputCap, kill);
        CappedOutput err = new CappedOutput(process.getErrorStream(), outputCap, kill);
        readers.execute(out);
        readers.execute(err);
        boolean timedOut = false;
        Set<ProcessHandle> seen = new HashSet<>();
        try {
            if (!waitWatchingChildren(process, start + timeout.toNanos(), seen)) {
                timedOut = !killed.get();
                kill.run();
            }
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill.run();
            throw e;
        }
        ProcessTree.killLeftovers(seen);
        long deadline = start + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        boolean outputClosed = out.awaitEnd(millisUntil(deadline)) & err.awaitEnd(millisUntil(deadline));
        if (!outputClosed) {
            LOG.warn(
                    "output of pid {} still open after the process ended (a detached child holds it); "
                            + "returning what was read",
                    process.pid());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int exit = killed.get() ? EXIT_KILLED : exitValue(process);
        return new RunResult(exit, out.text(), err.text(), out.truncated(), err.truncated(), millis, timedOut);
    }

    /**
     * Waits for the process to exit until {@code deadlineNanos}, noting its descendants every
     * {@value #POLL_MILLIS} ms so that background children left behind when it exits can be killed.
     */
    private static boolean waitWatchingChildren(Process process, long deadlineNanos, Set<ProcessHandle> seen)
            throws InterruptedException {
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(left, POLL_MILLIS), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(seen::add);
        }
    }

    private static int exitValue(Process process) {
        return process.isAlive() ? EXIT_KILLED : process.exitValue();
    }

    private static long millisUntil(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(
                        reaper.map(r -> r.inOwnGroup(command)).orElse(command))
                .directory(workingDirectory)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        return builder;
    }

    private static RunResult failed(int exitCode, String message) {
        return new RunResult(exitCode, "", message, false, false, 0, false);
    }

    /** Kills every process still running and stops the reader threads. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            running.forEach(Runnable::run);
            readers.shutdownNow();
            reaper.ifPresent(ChildReaper::close);
        }
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public Duration queueWait() {
        return queueWait;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        return java.util.Collections.unmodifiableMap(env);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "command-output-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
