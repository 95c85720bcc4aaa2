package io.runbookbot.security;

import io.runbookbot.TestJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged fat jar (target/runbook-bot.jar, built by {@code mvn package}) as a real
 * process, the way an operator runs it: stdin given, stdout and stderr kept as bytes (a terminal
 * sees bytes), wall time measured. The caller's RUNBOOK_BOT_, SLACK_ and DISCORD_ variables are not
 * passed on.
 *
 * @param exitCode the process's exit code
 * @param out      standard output, raw
 * @param err      standard error, raw (the log)
 * @param millis   wall time from start to exit
 */
record JarRun(int exitCode, byte[] out, byte[] err, long millis) {
    static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = BASEDIR.resolve("target/runbook-bot.jar");
    private static final List<String> UTF8 =
            List.of("-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8");
    private static final long TIMEOUT_SECONDS = 120;

    /** The command line for {@code java [jvmOptions] -jar runbook-bot.jar args...}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(jvmOptions);
        command.addAll(TestJvm.jar(JAR));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code args} in {@code workDir} with {@code stdin}, in UTF-8, within two minutes. */
    static JarRun of(Path workDir, byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(workDir, UTF8, Map.of(), stdin, TIMEOUT_SECONDS, args);
    }

    /** Runs to completion (at most {@code timeoutSeconds}) in {@code workDir}, with no stdin. */
    static JarRun run(
            Path workDir, List<String> jvmOptions, Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        return run(workDir, jvmOptions, env, new byte[0], timeoutSeconds, args);
    }

    private static JarRun run(
            Path workDir,
            List<String> jvmOptions,
            Map<String, String> env,
            byte[] stdin,
            long timeoutSeconds,
            String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".bin");
        Path err = Files.createTempFile(workDir, "stderr", ".bin");
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, args))
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("RUNBOOK_BOT_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish in " + timeoutSeconds
                    + " s; stderr: " + Files.readString(err));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new JarRun(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err), millis);
    }

    String stdout() {
        return new String(out, StandardCharsets.UTF_8);
    }

    String stderr() {
        return new String(err, StandardCharsets.UTF_8);
    }
}
