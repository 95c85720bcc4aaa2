package io.runbookbot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynamic class-data-sharing archive (JDK 17 {@code -XX:ArchiveClassesAtExit}) of the classes the
 * fat jar loads, made once per jar build into {@code target/cds/} by one {@code ask} run, so that the
 * many short-lived bot processes the ITs start map those classes instead of loading and verifying
 * them again (about a third less CPU per start). Test-only: the jar itself and production starts
 * are unchanged. The file name carries the jar's size and time, so a rebuilt jar gets a new archive;
 * the JVM checks the archive against the jar too, and if anything is off the process simply starts
 * without it (its CDS messages are switched off so they never mix with the output tests read).
 */
final class JarClassArchive {
    private static final long TRAINING_SECONDS = 60;
    private static List<String> options;

    private JarClassArchive() {}

    /** The JVM options that map the archive for {@code jar}, or none if it cannot be made. */
    static synchronized List<String> options(Path jar) {
        if (options == null) {
            options = make(jar.toAbsolutePath());
        }
        return options;
    }

    private static List<String> make(Path jar) {
        try {
            Path dir = jar.resolveSibling("cds");
            Files.createDirectories(dir);
            Path archive = dir.resolve("runbook-bot-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
            try (FileChannel lockFile = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(archive) && !train(jar, archive)) {
                    return List.of();
                }
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** One {@code ask} over the fixture runbooks with the archive written at exit, then moved in place. */
    private static boolean train(Path jar, Path archive) throws IOException {
        Path work = Files.createTempDirectory("cds-training");
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        Path runbooks =
                Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/runbooks");
        List<String> command = new ArrayList<>(TestJvm.java());
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString()));
        command.addAll(List.of("ask", "--runbooks", runbooks.toString(), "disk full"));
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        if (process.exitValue() != 0 || !Files.exists(partial)) {
            return false;
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
