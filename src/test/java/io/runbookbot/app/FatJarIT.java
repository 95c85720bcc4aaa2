package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.TestJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged fat jar as a real process, the way an operator would. */
class FatJarIT {
    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = BASEDIR.resolve("target/runbook-bot.jar");
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err, long millis) {}

    private Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(TestJvm.jar(JAR));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(BASEDIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("RUNBOOK_BOT_RUNBOOKS");
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), millis);
    }

    @Test
    void askAnswersPortAlreadyInUseFromAColdStart() throws Exception {
        assertThat(JAR).as("fat jar, built by `mvn package`").isRegularFile();

        Run run = run("", "ask", "--runbooks", "runbooks", "port already in use");
        System.out.printf(
                "FatJarIT: cold start of `ask` took %d ms (wall time, process start to exit)%n", run.millis());

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("Port Already in Use");
        assertThat(run.out()).contains("**Error:** `Address already in use`");
        assertThat(run.out()).contains("lsof -i :8000");
    }

    @Test
    void searchJsonlAnswersEachLineFedThroughStdin() throws Exception {
        String input = "{\"id\":\"a\",\"question\":\"port already in use\"}\n"
                + "{\"id\":2,\"question\":\"FATAL: sorry, too many clients already\"}\n";

        Run run = run(input, "search", "--jsonl", "--runbooks", "runbooks");
        System.out.printf("FatJarIT: `search --jsonl` with 2 questions took %d ms%n", run.millis());

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            results.add(json.readTree(line));
        }
        assertThat(results).extracting(r -> r.get("id").asText()).containsExactly("a", "2");
        assertThat(results).extracting(r -> r.get("answered").booleanValue()).containsExactly(true, true);
        assertThat(results.get(1).get("matches").get(0).get("heading").asText()).isEqualTo("Too Many Connections");
    }
}
