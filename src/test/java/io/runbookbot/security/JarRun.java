package io.runbookbot.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged fat jar as a real process, the way an operator runs it: stdin given,
 * stdout and stderr kept as bytes (a terminal sees bytes), wall time measured.
 *
 * @param exitCode the process's exit code
 * @param out      standard output, raw
 * @param err      standard error, raw
 * @param millis   wall time from start to exit
 */
record JarRun(int exitCode, byte[] out, byte[] err, long millis) {
    static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = BASEDIR.resolve("target/runbook-bot.jar");
    private static final String JAVA = System.getProperty("java.home") + "/bin/java";
    private static final long TIMEOUT_SECONDS = 120;

    static JarRun of(Path workDir, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
                "-Dsun.stderr.encoding=UTF-8", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".bin");
        Path err = Files.createTempFile(workDir, "stderr", ".bin");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RUNBOOK_BOT_"));
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new JarRun(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err), millis);
    }

    String stdout() {
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    String stderr() {
        return new String(err, java.nio.charset.StandardCharsets.UTF_8);
    }
}
