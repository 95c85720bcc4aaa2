package io.runbookbot.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged fat jar (target/runbook-bot.jar, built by {@code mvn package}) as a real
 * process, the way an operator would.
 *
 * @param exitCode the process's exit code
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr (the log)
 * @param millis   wall time from start to exit
 */
record JarCommand(int exitCode, String out, String err, long millis) {
    static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = BASEDIR.resolve("target/runbook-bot.jar");
    static final String JAVA = System.getProperty("java.home") + "/bin/java";

    /** The command line for {@code java [jvmOptions] -jar runbook-bot.jar args...}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs to completion (at most {@code timeoutSeconds}) in {@code workDir}. */
    static JarCommand run(Path workDir, List<String> jvmOptions, Map<String, String> env, long timeoutSeconds,
                      String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(k -> k.startsWith("RUNBOOK_BOT_") || k.startsWith("SLACK_")
                || k.startsWith("DISCORD_"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish in " + timeoutSeconds
                    + " s; stderr: " + Files.readString(err));
        }
        return new JarCommand(process.exitValue(), Files.readString(out), Files.readString(err),
                (System.nanoTime() - start) / 1_000_000);
    }
}
