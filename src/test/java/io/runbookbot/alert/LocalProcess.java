package io.runbookbot.alert;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One real program started for a test: its output goes to a log file in its own folder, it is ready
 * when a URL answers 200, and it is always stopped (its log then copied to target/it-logs/): by {@link #close}, or by a shutdown hook if the
 * test JVM exits first. A missing program fails the test (no skip).
 */
final class LocalProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;

    private LocalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killer = new Thread(process::destroyForcibly, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** The program on the PATH, or an AssertionError saying how to install it. */
    static Path require(String program, String aptPackage) {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .map(dir -> Path.of(dir.isEmpty() ? "." : dir, program))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new AssertionError(program + " is not on the PATH; install it with"
                + " `apt-get install " + aptPackage + "` (.ci/run does): this test must run, not be skipped"));
    }

    /** Starts {@code command} in {@code dir} and waits up to 30 s until {@code ready} answers 200. */
    static LocalProcess start(String name, List<String> command, Path dir, URI ready) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalProcess started = new LocalProcess(name, process, log);
        try {
            started.awaitReady(ready);
            return started;
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }

    private void awaitReady(URI ready) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + name, e);
            }
            sleep(100);
        }
        throw new AssertionError(name + " was not ready at " + ready + " within 30 s: " + log());
    }

    /** The program's output so far (for failure messages). */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Copies the log to target/it-logs/ (the process' own folder is temporary), for a failure's story. */
    private void keepLog() {
        try {
            Path kept = Files.createDirectories(Path.of("target", "it-logs"));
            Files.copy(log, kept.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.out.println("could not keep the log of " + name + ": " + e);
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    /** What a program is started with on a given port, and the URL that answers once it is ready. */
    interface OnPort {
        List<String> command(int port, URI base) throws IOException;
    }

    /**
     * Starts {@code name} on a free port of 127.0.0.1, trying another port (up to 3 times) when the
     * one found free was taken meanwhile; returns the process and its base URL.
     */
    static Map.Entry<LocalProcess, URI> startOnFreePort(String name, Path dir, OnPort onPort, String readyPath)
            throws IOException {
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            URI base = URI.create("http://127.0.0.1:" + port);
            try {
                return Map.entry(start(name, onPort.command(port, base), dir, base.resolve(readyPath)), base);
            } catch (AssertionError e) {
                if (!String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                last = e; // the free port was taken meanwhile
            }
        }
        throw last;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        keepLog();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
