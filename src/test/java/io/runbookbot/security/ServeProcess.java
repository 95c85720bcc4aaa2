package io.runbookbot.security;

import io.runbookbot.TestJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/runbook-bot.jar serve} as a real process in Slack HTTP mode, both
 * listeners on 127.0.0.1 with ephemeral ports, read from its startup log.
 */
final class ServeProcess implements AutoCloseable {
    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = BASEDIR.resolve("target/runbook-bot.jar");
    private static final Pattern HEALTH = Pattern.compile("/metrics listen on /?127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern SLACK = Pattern.compile("HTTP mode on /?127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final StringBuffer log;
    final int healthPort;
    final int slackPort;

    private ServeProcess(Process process, StringBuffer log, int healthPort, int slackPort) {
        this.process = process;
        this.log = log;
        this.healthPort = healthPort;
        this.slackPort = slackPort;
    }

    static ServeProcess start(Path workDir, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(TestJvm.jar(JAR));
        command.add("serve");
        return start(command, workDir, env);
    }

    /**
     * As {@link #start}, from the same fat jar, but with every listener's head and body deadlines
     * {@code deadlineSeconds} instead of 10 s (through {@code io.runbookbot.http.ShortDeadlinesMain}
     * from the test classes), for tests that wait for the bot to close stalled connections itself.
     */
    static ServeProcess withDeadlines(int deadlineSeconds, Path workDir, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(TestJvm.classPath(JAR, BASEDIR.resolve("target/test-classes")));
        command.addAll(List.of("io.runbookbot.http.ShortDeadlinesMain", Integer.toString(deadlineSeconds), "serve"));
        return start(command, workDir, env);
    }

    private static ServeProcess start(List<String> command, Path workDir, Map<String, String> env) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("RUNBOOK_BOT_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<int[]> ports = CompletableFuture.supplyAsync(() -> ports(process, log));
        try {
            int[] p = ports.get(90, TimeUnit.SECONDS);
            return new ServeProcess(process, log, p[0], p[1]);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("serve did not start; its log:\n" + log, e);
        }
    }

    /** Reads the log until both ports are known, then keeps draining it in the background. */
    private static int[] ports(Process process, StringBuffer log) {
        BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        int health = -1;
        int slack = -1;
        try {
            String line;
            while ((health < 0 || slack < 0) && (line = err.readLine()) != null) {
                log.append(line).append('\n');
                Matcher h = HEALTH.matcher(line);
                Matcher s = SLACK.matcher(line);
                health = h.find() ? Integer.parseInt(h.group(1)) : health;
                slack = s.find() ? Integer.parseInt(s.group(1)) : slack;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread drain = new Thread(() -> err.lines().forEach(l -> log.append(l).append('\n')), "serve-log");
        drain.setDaemon(true);
        drain.start();
        if (health < 0 || slack < 0) {
            throw new IllegalStateException("serve exited before listening");
        }
        return new int[] {health, slack};
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
