package io.runbookbot.app;

import io.runbookbot.TestJvm;
import io.runbookbot.TestRunbooks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** {@code runbook-bot serve} started in a JVM of its own, for the tests that need the real process. */
final class ServeProcess {
    /** The ready line, with the health port as group 1. */
    static final Pattern READY = Pattern.compile(Pattern.quote(ServeCommand.READY) + "(\\d+)");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess() {}

    /**
     * Starts {@code serve} in {@code work} on the fixture runbooks ({@link TestRunbooks}) with any health port, none of the
     * caller's chat or bot variables, and {@code extraEnv}; every output line is added to
     * {@code output}, and the ready line is also passed to {@code onReady}.
     */
    static Process start(Path work, Map<String, String> extraEnv, List<String> output, Consumer<String> onReady)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java.util.stream.Stream.of(
                                TestJvm.java(), TestJvm.testClassPath(), List.of(Main.class.getName(), "serve"))
                        .flatMap(List::stream)
                        .toList())
                .directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("RUNBOOK_BOT_"));
        env.put("RUNBOOK_BOT_RUNBOOKS", TestRunbooks.DIR.toAbsolutePath().toString());
        env.put("RUNBOOK_BOT_HTTP_PORT", "0");
        env.putAll(extraEnv);
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    if (line.contains(ServeCommand.READY)) {
                        onReady.accept(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    static HttpResponse<String> get(int httpPort, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
