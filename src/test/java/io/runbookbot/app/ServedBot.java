package io.runbookbot.app;

import io.runbookbot.agent.server.AgentProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * {@code runbook-bot serve} as a real process ({@link ServeProcess}) for the team-flow tests, with
 * the diagnostics of {@link #ALLOWLIST} run by a real agent process: start, kill and start again on
 * the same data folder, stop.
 */
final class ServedBot implements AutoCloseable {
    static final String AGENT_SECRET = "s3cret-for-tests-only-0123456789abcdef";
    /**
     * {@code greet} and {@code port-owner} (read-only; the latter suggested by the port-in-use
     * section's {@code lsof}/{@code netstat} lines) may be run by anyone in an incident channel,
     * {@code greet-loudly} (counted as a change) by nobody: its refusal says what to add.
     */
    static final String ALLOWLIST = """
            version: 1
            access: {users: [], roles: [], channels: [incident]}
            commands:
              - id: greet
                description: Says hello to a name
                argv: [echo, "hello {name}"]
                params:
                  name: {type: pattern, pattern: "[a-z]{1,20}", max_length: 20}
                timeout: 5s
                read_only: true
              - id: greet-loudly
                description: Says hello to a name, loudly
                argv: [echo, "HELLO {name}"]
                params:
                  name: {type: pattern, pattern: "[a-z]{1,20}", max_length: 20}
                timeout: 5s
                read_only: false
              - id: port-owner
                description: Which process holds a TCP port (here, the port said back)
                argv: [echo, "port {port}"]
                params:
                  port: {type: integer, min: 1, max: 65535}
                timeout: 5s
                read_only: true
                recognizes: ["netstat -ano | findstr :{port}", "lsof -t -i:{port}"]
            """;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    private volatile int httpPort;

    private ServedBot() {}

    /** The port of /healthz, /metrics and /alertmanager of the current run. */
    int httpPort() {
        return httpPort;
    }

    /** Starts serve in {@code data} with {@code env} and waits for its ready line. */
    static ServedBot start(Path data, Map<String, String> env) throws Exception {
        ServedBot bot = new ServedBot();
        bot.launch(data, env);
        return bot;
    }

    /** Starts the agent that runs {@link #ALLOWLIST}, its audit log in {@code data}. */
    static AgentProcess agent(Path data) throws IOException, InterruptedException {
        Path allowlist = Files.writeString(data.resolve("allowlist.yaml"), ALLOWLIST);
        return AgentProcess.start(data, allowlist, data.resolve("agent-audit.jsonl"), AGENT_SECRET);
    }

    /** The settings that make serve run diagnostics on {@code agent} as its {@code local} agent. */
    static Map<String, String> diagnosticsEnv(Path data, AgentProcess agent) throws IOException {
        return diagnosticsEnv(data, agent.url());
    }

    /** The settings that make serve run diagnostics on the agent at {@code agentUrl} as its {@code local} agent. */
    static Map<String, String> diagnosticsEnv(Path data, URI agentUrl) throws IOException {
        Path registry = Files.writeString(
                data.resolve("agents.yaml"),
                "agents:\n  - {name: local, url: \"%s\", secret_env: AGENT_SECRET_LOCAL}\n".formatted(agentUrl));
        return Map.of(
                "RUNBOOK_BOT_ALLOWLIST", data.resolve("allowlist.yaml").toString(),
                "RUNBOOK_BOT_AGENTS", registry.toString(),
                "AGENT_SECRET_LOCAL", AGENT_SECRET);
    }

    /** A port that was free on 127.0.0.1 a moment ago, for a process whose URL must be known before it starts. */
    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /** The number of lines of a log file, 0 if there is none yet. */
    static int lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private void launch(Path data, Map<String, String> env) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        process = ServeProcess.start(data, env, output, line -> {
            Matcher m = ServeProcess.READY.matcher(line);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        });
        process.onExit().thenRun(() -> port.completeExceptionally(new IllegalStateException("serve exited")));
        try {
            httpPort = port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("serve did not get ready; its output:\n" + String.join("\n", output), e);
        }
    }

    /** kill -9, then serve again on the same data folder. */
    void restart(Path data, Map<String, String> env) throws Exception {
        kill();
        output.add("---- killed, starting again ----");
        launch(data, env);
    }

    /** kill -9 (SIGKILL: no shutdown hook runs, nothing is flushed or closed). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Everything serve printed so far, both runs. */
    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
