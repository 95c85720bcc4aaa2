package io.runbookbot.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stunnel process (the TLS sidecar of docs/agent-mtls.md) with its configuration file, in the
 * foreground, logging to a file. Also makes the certificates of the recipe with openssl.
 */
final class Stunnel implements AutoCloseable {
    private final Process process;
    private final int acceptPort;

    private Stunnel(Process process, int acceptPort) {
        this.process = process;
        this.acceptPort = acceptPort;
    }

    static boolean available() {
        return onPath("stunnel") && onPath("openssl");
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** Starts stunnel with {@code service} (the lines of one [section]) and waits until it accepts. */
    static Stunnel start(Path dir, String name, String service) throws Exception {
        int port = freePort();
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, "foreground = yes\npid =\n[" + name + "]\naccept = 127.0.0.1:" + port + "\n" + service);
        Process p = new ProcessBuilder("stunnel", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new Stunnel(p, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("stunnel " + name + " did not start: " + Files.readString(dir.resolve(name + ".log")));
    }

    int port() {
        return acceptPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A CA ({@code name.crt}, {@code name.key}) in {@code dir}. */
    static void ca(Path dir, String name) throws Exception {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "30",
                "-subj",
                "/CN=" + name,
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt");
    }

    /** A certificate {@code name.crt} signed by {@code ca}, with these X.509 extensions. */
    static void cert(Path dir, String name, String ca, String subject, String extensions) throws Exception {
        openssl(
                dir,
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                ca + ".crt",
                "-CAkey",
                ca + ".key",
                "-CAcreateserial",
                "-days",
                "30",
                "-extfile",
                name + ".ext",
                "-out",
                name + ".crt");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(
                    "openssl " + String.join(" ", args) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
