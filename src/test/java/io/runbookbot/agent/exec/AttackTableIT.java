package io.runbookbot.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.agent.allowlist.AllowlistLoader;
import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.agent.protocol.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests against the validator and a real runner. Each must be refused with a reason
 * naming the parameter (or the unknown command), and nothing may run: every value is checked
 * against the real entry and against a shell-backed twin ({@code sh -c "echo {value}"}) whose
 * run would create the canary file if any hostile value got through. At the end the canary must
 * not exist and the runner must not have been called.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackTableIT {
    private static final String CANARY_TOKEN = "@CANARY@";
    private static final String ROOT_TOKEN = "@ROOT@";

    private static Path root;
    private static Path canary;
    private static Allowlist allowlist;
    private static CommandRunner runner;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger ROWS = new AtomicInteger();

    @BeforeAll
    static void setUp() throws IOException {
        root = Files.createTempDirectory("attack-table").toRealPath();
        canary = root.resolve("CANARY");
        Path logs = Files.createDirectories(root.resolve("logs"));
        Files.writeString(logs.resolve("app.log"), "ok\n");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("shadow"), "secret\n");
        Files.createSymbolicLink(logs.resolve("evil-link"), outside.resolve("shadow"));
        Files.createSymbolicLink(logs.resolve("evil-dir"), outside);
        Files.createSymbolicLink(logs.resolve("etc-link"), Path.of("/etc"));
        allowlist = AllowlistLoader.parse(resource().replace(ROOT_TOKEN, root.toString()), "attack-allowlist.yaml");
        runner = new CommandRunner(4, Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (runner != null) {
            runner.close();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    static Stream<Arguments> attacks() {
        String c = CANARY_TOKEN;
        String r = ROOT_TOKEN;
        return Stream.of(
                row("semicolon", "echo-name", "name", "x; touch " + c),
                row("pipe", "echo-name", "name", "x | touch " + c),
                row("and-and", "echo-name", "name", "x && touch " + c),
                row("background ampersand", "echo-name", "name", "x & touch " + c),
                row("or-or", "echo-name", "name", "false || touch " + c),
                row("command substitution", "echo-name", "name", "$(touch " + c + ")"),
                row("backticks", "echo-name", "name", "`touch " + c + "`"),
                row("redirect out", "echo-name", "name", "x>" + c),
                row("redirect append", "echo-name", "name", ">>" + c),
                row("redirect in", "echo-name", "name", "x</etc/passwd"),
                row("newline", "echo-name", "name", "x\ntouch " + c),
                row("carriage return", "echo-name", "name", "x\rtouch " + c),
                row("NUL byte", "echo-name", "name", "x\u0000touch " + c),
                row("tab", "echo-name", "name", "x\ttouch"),
                row("escape sequence", "echo-name", "name", "x\u001b[2J"),
                row("IFS expansion", "echo-name", "name", "${IFS}touch${IFS}" + c),
                row("variable", "echo-name", "name", "$HOME"),
                row("glob", "echo-name", "name", "*"),
                row("brace expansion", "echo-name", "name", "{a,b}"),
                row("subshell", "echo-name", "name", "(touch " + c + ")"),
                row("tilde", "echo-name", "name", "~root"),
                row("single quote", "echo-name", "name", "x'y"),
                row("double quote", "echo-name", "name", "\"x\""),
                row("backslash", "echo-name", "name", "x\\y"),
                row("history bang", "echo-name", "name", "!!"),
                row("option injection -rf", "echo-name", "name", "-rf"),
                row("option injection --output", "echo-name", "name", "--output=/etc/passwd"),
                row("double dash", "echo-name", "name", "--"),
                row("only a space", "echo-name", "name", " "),
                row("empty value", "echo-name", "name", ""),
                row("oversized 10000 chars", "echo-name", "name", "a".repeat(10_000)),
                row("fullwidth semicolon", "echo-name", "name", "x\uFF1Btouch"),
                row("RTL override", "echo-name", "name", "log\u202Egol.sh"),
                row("zero-width space", "echo-name", "name", "ab\u200Bc"),
                row("cyrillic homoglyph", "echo-name", "name", "\u0430dmin"),
                row("line separator", "echo-name", "name", "a\u2028b"),
                row("integer overflow", "echo-port", "port", "99999999999999999999"),
                row("negative port", "echo-port", "port", "-1"),
                row("zero port", "echo-port", "port", "0"),
                row("port above range", "echo-port", "port", "65536"),
                row("non-numeric port", "echo-port", "port", "http"),
                row("hex port", "echo-port", "port", "0x1F90"),
                row("signed port", "echo-port", "port", "+80"),
                row("two ports", "echo-port", "port", "80 81"),
                row("port with injection", "echo-port", "port", "80;touch " + c),
                row("enum value not listed", "echo-mode", "mode", "rm"),
                row("enum wrong case", "echo-mode", "mode", "FAST"),
                row("enum with injection", "echo-mode", "mode", "fast; touch " + c),
                row("relative traversal", "echo-file", "file", "../../etc/passwd"),
                row("traversal after root", "echo-file", "file", r + "/logs/../../etc/shadow"),
                row("var-log style traversal", "echo-file", "file", "/var/log/../../etc/shadow"),
                row("absolute outside root", "echo-file", "file", "/etc/passwd"),
                row("prefix of root name", "echo-file", "file", r + "/logs-evil/app.log"),
                row("symlink to file outside", "echo-file", "file", r + "/logs/evil-link"),
                row("relative symlink outside", "echo-file", "file", "evil-link"),
                row("through symlinked dir", "echo-file", "file", r + "/logs/evil-dir/shadow"),
                row("symlink to /etc", "echo-file", "file", "etc-link/passwd"),
                row("home tilde path", "echo-file", "file", "~/.ssh/id_rsa"),
                row("path with NUL", "echo-file", "file", r + "/logs/app.log\u0000.txt"),
                row("path with newline", "echo-file", "file", r + "/logs/app.log\ntouch " + c),
                row("path option injection", "echo-file", "file", "-n"),
                row("path with glob", "echo-file", "file", r + "/logs/*.log"),
                row("url path traversal", "echo-url", "path", "/../../admin", "port", "80"),
                row("url query injection", "echo-url", "path", "/health?x=$(touch " + c + ")", "port", "80"),
                row("url other host", "echo-url", "path", "@evil.example/", "port", "80"),
                row("url with space", "echo-url", "path", "/health -o /tmp/x", "port", "80"),
                row("url port injection", "echo-url", "port", "80/../x", "path", "/"),
                row("unknown parameter", "echo-name", "extra", "name", "ok", "extra", "x"),
                row("missing parameter", "echo-url", "path", "port", "80"),
                row("no parameters at all", "echo-name", "name"),
                row("unknown command", "rm-rf", "unknown command", "path", "/"),
                row("command id injection", "echo-name; touch " + c, "unknown command", "name", "x"));
    }

    /**
     * A row: label, command id, what the reason must name, then parameters: an odd count starts
     * with the value of the named parameter, the rest are name/value pairs.
     */
    private static Arguments row(String label, String id, String named, String... rest) {
        Map<String, String> params = new HashMap<>();
        int start = rest.length % 2;
        if (start == 1) {
            params.put(named, rest[0]);
        }
        for (int i = start; i + 1 < rest.length; i += 2) {
            params.put(rest[i], rest[i + 1]);
        }
        return Arguments.of(label, id, named, params);
    }

    @Test
    @Order(1)
    void theCanaryAppearsWhenAShellRunsAnUncheckedValue() throws Exception {
        Path control = root.resolve("CONTROL-CANARY");
        String value = "x; touch " + control;

        runner.run(
                shellTwin(allowlist.find("echo-name").orElseThrow()).argv().stream()
                        .map(a -> a.replace("{name}", value))
                        .collect(Collectors.toList()),
                Duration.ofSeconds(5),
                4096);

        assertThat(control).as("the canary mechanism detects execution").exists();
    }

    @Test
    @Order(2)
    void benignValuesAreAcceptedAndRun() throws Exception {
        RunResult name = runAccepted("echo-name", Map.of("name", "uvicorn-1.0_x"));
        RunResult file = runAccepted("echo-file", Map.of("file", "app.log"));
        RunResult url = runAccepted("echo-url", Map.of("port", "8000", "path", "/health/ready"));

        assertThat(name.stdout()).isEqualTo("uvicorn-1.0_x\n");
        // a read-only entry gets the file the agent opened and checked, never the name
        assertThat(file.stdout()).matches("/proc/[0-9]+/fd/[0-9]+\n");
        assertThat(url.stdout()).isEqualTo("http://127.0.0.1:8000/health/ready\n");
        RUNS.set(0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attacks")
    @Order(3)
    void hostileInputIsRejectedWithAReasonNamingTheParameter(
            String label, String id, String named, Map<String, String> rawParams) throws Exception {
        String commandId = fill(id);
        Map<String, String> params = new HashMap<>();
        rawParams.forEach((k, v) -> params.put(k, fill(v)));
        ROWS.incrementAndGet();

        Validation real = ArgumentValidator.validate(allowlist, commandId, params);
        Validation twin = allowlist
                .find(commandId)
                .map(AttackTableIT::shellTwin)
                .map(spec -> ArgumentValidator.validate(spec, params))
                .orElse(real);
        runIfAccepted(commandId, real);
        runIfAccepted(commandId, twin);

        assertThat(real).as(label).isInstanceOf(Validation.Rejected.class);
        assertThat(twin).as(label).isEqualTo(real);
        String reason = ((Validation.Rejected) real).reason();
        assertThat(reason).as(label).contains(named);
        assertThat(reason)
                .as("%s: reason is short printable text", label)
                .hasSizeLessThan(300)
                .matches("[\\x20-\\x7e…]+");
    }

    @Test
    @Order(4)
    void noHostileInputRanAnythingAndTheCanaryNeverAppeared() {
        assertThat(ROWS.get()).as("attack rows checked").isGreaterThanOrEqualTo(30);
        assertThat(RUNS.get()).as("runs of hostile requests").isZero();
        assertThat(canary).doesNotExist();
        assertThat(root.resolve("outside/shadow")).hasContent("secret\n");
    }

    private static void runIfAccepted(String id, Validation validation) throws InterruptedException {
        if (validation instanceof Validation.Accepted accepted) {
            RUNS.incrementAndGet();
            CommandSpec spec = allowlist.find(id).orElseThrow();
            runner.run(spec, accepted);
        }
    }

    private static RunResult runAccepted(String id, Map<String, String> params) throws InterruptedException {
        Validation validation = ArgumentValidator.validate(allowlist, id, params);
        assertThat(validation).isInstanceOf(Validation.Accepted.class);
        return runner.run(allowlist.find(id).orElseThrow(), (Validation.Accepted) validation);
    }

    /** The same entry, but run by a shell: {@code sh -c "echo <template>"} (tests only). */
    private static CommandSpec shellTwin(CommandSpec spec) {
        return new CommandSpec(
                spec.id(),
                spec.description(),
                List.of("/bin/sh", "-c", "echo " + spec.argv().get(2)),
                spec.params(),
                spec.timeout(),
                spec.outputCap(),
                spec.readOnly(),
                spec.recognizes(),
                spec.access());
    }

    private static String fill(String text) {
        return text.replace(CANARY_TOKEN, canary.toString()).replace(ROOT_TOKEN, root.toString());
    }

    private static String resource() throws IOException {
        try (InputStream in = AttackTableIT.class.getResourceAsStream("/agent/attack-allowlist.yaml")) {
            return new String(Optional.ofNullable(in).orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
