package io.runbookbot.security;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.TestJvm;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.diagnostics.DiagnosticsService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 5 of issue 9, performed for real: an audit log on {@code /dev/full} (every write fails with
 * "No space left on device") must stop runs before they start, on the agent and on the bot's own
 * host; a {@code kill -9} of the agent during a run must leave the run's "started" line on disk and
 * no process of the run behind; the same for the bot's own local runs ({@code runbook-bot run}).
 */
class AuditSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEV_FULL = Path.of("/dev/full");
    private static final Caller ONCALL = new Caller("slack", "U1", List.of("oncall"), "C1");

    @TempDir
    Path dir;

    private Path canaryAllowlist(Path canary) throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                access: {roles: [oncall]}
                commands:
                  - id: touch-canary
                    description: creates the canary file
                    argv: [/usr/bin/touch, "%s"]
                    read_only: true
                """.formatted(canary));
        return allowlist;
    }

    @Test
    void agentWithItsAuditLogOnDevFullRunsNothingAndAnswersAuditUnavailable() throws Exception {
        Path canary = dir.resolve("CANARY");
        try (AgentProcess agent = AgentProcess.start(dir, canaryAllowlist(canary), DEV_FULL, SECRET)) {
            HttpResponse<String> r =
                    SignedHttp.signed(agent.url(), "POST", "/v1/run", runBody("touch-canary", "{}", "alice"));

            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("error").asText()).isEqualTo("audit_unavailable");
            assertThat(error.get("reason").asText())
                    .startsWith("Nothing was run: the audit log cannot be written")
                    .contains("No space left on device");
            assertThat(canary).as("the command must not have run").doesNotExist();
        }
    }

    @Test
    void botLocalRunWithItsAuditLogOnDevFullRunsNothingAndTellsTheUser() throws Exception {
        Path canary = dir.resolve("CANARY");
        try (CommandRunner runner = new CommandRunner(1, Duration.ZERO);
                AuditLog audit = AuditLog.open(DEV_FULL)) {
            Diagnostics bot = DiagnosticsService.builder(Allowlist.load(canaryAllowlist(canary)))
                    .local(runner)
                    .audit(audit)
                    .build();

            DiagnosticReport report = bot.run(ONCALL, new DiagnosticCall(Diagnostics.LOCAL, "touch-canary", Map.of()));

            assertThat(report.outcome()).isEqualTo(DiagnosticReport.Outcome.UNAVAILABLE);
            assertThat(report.message())
                    .startsWith("Nothing was run: the audit log cannot be written")
                    .contains("No space left on device")
                    .contains("Ask an operator");
            assertThat(canary).as("the command must not have run").doesNotExist();
        }
    }

    @Test
    void botRunCommandWithItsAuditLogOnDevFullRunsNothingAndTellsTheOperator() throws Exception {
        Path canary = dir.resolve("CANARY");
        Process bot = startBot(canaryAllowlist(canary), DEV_FULL, "touch-canary");
        String output = new String(bot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(bot.exitValue()).as(output).isEqualTo(4);
        assertThat(output).contains("Nothing was run: the audit log cannot be written (No space left on device)");
        assertThat(canary).as("the command must not have run").doesNotExist();
    }

    @Test
    void killMinus9OfTheAgentDuringALongRunLeavesItsStartedLineAndKillsEveryProcessOfTheRun() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        AgentProcess agent = AgentProcess.start(dir, longRunAllowlist(), audit, SECRET);
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    SignedHttp.signed(agent.url(), "POST", "/v1/run", runBody("long-run", "{}", "alice"));
                } catch (Exception e) {
                    // the agent dies under this request
                }
            });
            assertKillMinus9LeavesNoProcessOfTheRun(agent.process());
            List<String> lines = Files.readAllLines(audit);
            assertThat(lines).hasSize(1);
            JsonNode started = JSON.readTree(lines.get(0));
            assertThat(started.get("decision").asText()).isEqualTo("started");
            assertThat(started.get("command").asText()).isEqualTo("long-run");
            assertThat(started.get("who").asText()).isEqualTo("alice");
            assertThat(started.get("run_id").asText()).hasSize(16);
        } finally {
            agent.close();
        }
    }

    @Test
    void killMinus9OfTheBotDuringALocalRunLeavesItsStartedLineAndKillsEveryProcessOfTheRun() throws Exception {
        Path audit = dir.resolve("bot-audit.jsonl");
        Process bot = startBot(longRunAllowlist(), audit, "long-run");
        try {
            assertKillMinus9LeavesNoProcessOfTheRun(bot);
            List<String> lines = Files.readAllLines(audit);
            assertThat(lines).hasSize(1);
            assertThat(JSON.readTree(lines.get(0)).get("decision").asText()).isEqualTo("started");
        } finally {
            bot.destroyForcibly();
        }
    }

    /** {@code runbook-bot run ID} (a local run by the bot's own runner) as a separate JVM, output merged. */
    private Process startBot(Path allowlist, Path audit, String id) throws Exception {
        return new ProcessBuilder(TestJvm.main(
                        "io.runbookbot.app.Main",
                        "run",
                        "--allowlist",
                        allowlist.toString(),
                        "--audit-log",
                        audit.toString(),
                        id))
                .redirectErrorStream(true)
                .start();
    }

    /** An entry whose command forks: two sleeping children and a sub-shell with a sleeping grandchild. */
    private Path longRunAllowlist() throws Exception {
        Path spawner = dir.resolve("spawner");
        Files.writeString(spawner, """
                #!/bin/sh
                echo $$ >> %1$s
                sleep 300 & echo $! >> %1$s
                sleep 301 & echo $! >> %1$s
                ( sleep 302 & echo $! >> %1$s; wait ) &
                wait
                """.formatted(dir.resolve("pids")));
        Files.setPosixFilePermissions(spawner, PosixFilePermissions.fromString("rwx------"));
        Path allowlist = dir.resolve("long-allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: long-run
                    description: forks and sleeps
                    argv: ["%s"]
                    timeout: 4m
                    read_only: true
                """.formatted(spawner));
        return allowlist;
    }

    /** Waits for the run's processes, sends SIGKILL to {@code jvm} only, and checks its whole tree is gone. */
    private void assertKillMinus9LeavesNoProcessOfTheRun(Process jvm) throws Exception {
        Path pids = dir.resolve("pids");
        awaitLines(pids, 4);
        List<ProcessHandle> tree = jvm.descendants().toList();
        List<Long> commandPids =
                Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(tree.stream().map(ProcessHandle::pid).toList()).containsAll(commandPids);

        jvm.destroyForcibly(); // SIGKILL to the JVM only, not to its children

        long killed = System.nanoTime();
        long deadline = killed + Duration.ofSeconds(5).toNanos();
        while (tree.stream().anyMatch(AuditSecurityIT::running) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.printf(
                "[figures] kill -9 of the JVM with %d processes under it: all gone %s ms later%n",
                tree.size(),
                tree.stream().anyMatch(AuditSecurityIT::running)
                        ? "not within 5000"
                        : String.valueOf((System.nanoTime() - killed) / 1_000_000));
        List<String> survivors = new ArrayList<>();
        tree.stream()
                .filter(AuditSecurityIT::running)
                .forEach(p ->
                        survivors.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        String ps = survivors.isEmpty()
                ? ""
                : new String(
                        new ProcessBuilder("ps", "-eo", "pid,pgid,ppid,stat,args")
                                .redirectErrorStream(true)
                                .start()
                                .getInputStream()
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
        tree.stream().filter(AuditSecurityIT::running).forEach(ProcessHandle::destroyForcibly);
        assertThat(survivors)
                .as("processes of the run still alive 5 s after kill -9 of the JVM; tree "
                        + tree.stream().map(p -> p.pid() + "").toList() + "\n" + ps)
                .isEmpty();
    }

    /**
     * Alive and not a zombie: a killed orphan stays a zombie until pid 1 reaps it (in a container
     * whose pid 1 is not an init that may take a while), and {@link ProcessHandle#isAlive} counts it.
     */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (Exception e) {
            return false; // gone
        }
    }

    private static void awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the command did not start its children: " + file);
    }
}
