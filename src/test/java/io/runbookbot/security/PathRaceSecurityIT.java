package io.runbookbot.security;

import static io.runbookbot.agent.server.SignedHttp.SECRET;
import static io.runbookbot.agent.server.SignedHttp.runBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.PathParam;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.agent.protocol.RunResult;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 7 of issue 9, performed for real: while a thread keeps swapping {@code logs/app.log}
 * between a regular file and a symbolic link to a secret outside the root (atomic renames), the
 * agent is asked hundreds of times to tail it. The path check passes whenever it sees the regular
 * file; before the fix the command then re-opened the name and sometimes read the secret. Now the
 * agent opens the checked file itself without following links and the command reads that.
 */
class PathRaceSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_TEXT = "TOPSECRET-shadow-line";
    private static final int RUNS = 300;

    @TempDir
    Path dir;

    private Path logs;
    private Path target;
    private final AtomicBoolean flipping = new AtomicBoolean(true);
    private final AtomicLong flips = new AtomicLong();
    private Thread flipper;

    @BeforeEach
    void startFlipping() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        Path secret = Files.writeString(dir.resolve("shadow"), SECRET_TEXT + "\n");
        target = logs.resolve("app.log");
        Files.writeString(target, "harmless line\n");
        flipper = new Thread(
                () -> {
                    Path file = logs.resolve(".next-file");
                    Path link = logs.resolve(".next-link");
                    try {
                        // each state is prepared in advance and then held for about the same short time
                        Files.writeString(file, "harmless line\n");
                        while (flipping.get()) {
                            Files.move(
                                    file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                            Files.deleteIfExists(link);
                            Files.createSymbolicLink(link, secret);
                            LockSupport.parkNanos(300_000);
                            Files.move(
                                    link, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                            Files.writeString(file, "harmless line\n");
                            LockSupport.parkNanos(300_000);
                            flips.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "symlink-flipper");
        flipper.setDaemon(true);
        flipper.start();
    }

    @AfterEach
    void stopFlipping() throws Exception {
        flipping.set(false);
        flipper.join(5_000);
    }

    private Path allowlist() throws Exception {
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                roots:
                  logs: ["%s"]
                commands:
                  - id: log-tail
                    description: last lines of a log file
                    argv: [tail, -n, "5", --, "{file}"]
                    params:
                      file: {type: path, root: logs}
                    timeout: 5s
                    read_only: true
                """.formatted(logs));
        return allowlist;
    }

    @Test
    void flippingTheCheckedFileToASymlinkOutsideTheRootNeverLeaksItsContent() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        int leaks = 0;
        try (AgentProcess agent = AgentProcess.start(dir, allowlist(), dir.resolve("audit.jsonl"), SECRET)) {
            for (int i = 0; i < RUNS; i++) {
                HttpResponse<String> r = SignedHttp.signed(
                        agent.url(), "POST", "/v1/run", runBody("log-tail", "{\"file\":\"app.log\"}", "alice"));
                if (r.body().contains("TOPSECRET")) {
                    leaks++;
                }
                outcomes.merge(outcome(r), 1, Integer::sum);
            }
        }
        System.out.printf(
                "[figures] symlink race through the agent: %d runs, %d leaks, outcomes %s, %d flips%n",
                RUNS, leaks, outcomes, flips.get());
        assertThat(leaks)
                .as("runs that showed the secret; outcomes " + outcomes)
                .isZero();
        int passedCheck = outcomes.getOrDefault("ran", 0) + outcomes.getOrDefault("refused at the open", 0);
        assertThat(passedCheck)
                .as("runs that passed the path check while the file flipped " + outcomes)
                .isGreaterThan(RUNS / 10);
    }

    /** The attack harness itself: re-opening the checked name (the old way) does leak. */
    @Test
    void controlReopeningTheCheckedNameLeaksUnderTheSameRace() throws Exception {
        PathParam param = (PathParam) Allowlist.load(allowlist())
                .find("log-tail")
                .orElseThrow()
                .params()
                .get("file");
        int leaks = 0;
        int attempts = 0;
        try (CommandRunner runner = new CommandRunner(1, Duration.ZERO)) {
            while (leaks == 0 && attempts < 10_000) {
                attempts++;
                Optional<Path> checked = param.resolve("app.log");
                if (checked.isPresent()) {
                    RunResult r = runner.run(
                            List.of("tail", "-n", "5", "--", checked.get().toString()), Duration.ofSeconds(5), 4096);
                    leaks += r.stdout().contains("TOPSECRET") ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "[figures] control (command re-opens the checked name): first leak after %d attempts%n", attempts);
        assertThat(leaks).as("the race harness must be able to produce a leak").isPositive();
    }

    private static String outcome(HttpResponse<String> r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() == 400) {
            return "refused at the check: " + body.get("reason").asText().replaceAll(".*(outside|resolved).*", "$1");
        }
        if (r.statusCode() != 200) {
            return "HTTP " + r.statusCode();
        }
        if (body.get("exitCode").asInt() == CommandRunner.EXIT_CANNOT_START) {
            return "refused at the open";
        }
        return body.get("stdout").asText().equals("harmless line\n")
                ? "ran"
                : "other: " + body.get("stdout").asText();
    }
}
