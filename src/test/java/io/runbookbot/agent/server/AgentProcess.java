package io.runbookbot.agent.server;

import io.runbookbot.TestJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code runbook-bot agent} as a real, separate JVM on 127.0.0.1 with an ephemeral port: the test
 * classpath, the secret in the child's environment only, stderr to a file.
 */
public final class AgentProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("runbook-bot agent ready on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final long START_SECONDS = 30;

    private final Process process;
    private final URI url;
    private final Path stderr;

    private AgentProcess(Process process, URI url, Path stderr) {
        this.process = process;
        this.url = url;
        this.stderr = stderr;
    }

    /** Starts the agent and waits for its ready line. {@code extraArgs} go after the required ones. */
    public static AgentProcess start(Path dir, Path allowlist, Path auditLog, String secret, String... extraArgs)
            throws IOException, InterruptedException {
        return start(List.of("io.runbookbot.app.Main"), "127.0.0.1:0", dir, allowlist, auditLog, secret, extraArgs);
    }

    /**
     * As {@link #start}, listening on {@code port} of 127.0.0.1 (one found free beforehand): its URL
     * is then known before it is up, so what calls it can start at the same time.
     */
    public static AgentProcess startOn(int port, Path dir, Path allowlist, Path auditLog, String secret)
            throws IOException, InterruptedException {
        return start(List.of("io.runbookbot.app.Main"), "127.0.0.1:" + port, dir, allowlist, auditLog, secret);
    }

    /**
     * As {@link #start}, but the agent's HTTP head and body deadlines are {@code deadlineSeconds}
     * instead of 10 s (through {@code io.runbookbot.http.ShortDeadlinesMain}), for tests that wait
     * for the agent to close stalled connections itself.
     */
    public static AgentProcess withDeadlines(
            int deadlineSeconds, Path dir, Path allowlist, Path auditLog, String secret)
            throws IOException, InterruptedException {
        return start(
                List.of("io.runbookbot.http.ShortDeadlinesMain", Integer.toString(deadlineSeconds)),
                "127.0.0.1:0",
                dir,
                allowlist,
                auditLog,
                secret);
    }

    private static AgentProcess start(
            List<String> main,
            String listen,
            Path dir,
            Path allowlist,
            Path auditLog,
            String secret,
            String... extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(TestJvm.testClassPath());
        command.addAll(main);
        command.addAll(List.of(
                "agent",
                "--allowlist",
                allowlist.toString(),
                "--listen",
                listen,
                "--audit-log",
                auditLog.toString(),
                "--name",
                "test-agent"));
        command.addAll(List.of(extraArgs));
        Path err = Files.createTempFile(dir, "agent-stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().put("RUNBOOK_BOT_AGENT_SECRET", secret);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(out));
        String line;
        try {
            line = ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("agent did not start; stderr:\n" + Files.readString(err), e);
        }
        Matcher m = READY.matcher(line);
        if (!m.find()) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("agent exited before it was ready; stderr:\n" + Files.readString(err));
        }
        return new AgentProcess(process, URI.create(m.group(1)), err);
    }

    private static String readyLine(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (READY.matcher(line).find()) {
                    return line;
                }
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    public URI url() {
        return url;
    }

    public URI url(String path) {
        return url.resolve(path);
    }

    public Process process() {
        return process;
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** kill -9 (and its children), and wait until the process is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
