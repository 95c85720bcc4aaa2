package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Answer;
import io.runbookbot.search.ReloadingRunbooks;
import io.runbookbot.search.RunbookFolderWatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook folder deleted and re-created while serving (a redeploy, a `git clone` into a fresh
 * folder): the watcher must watch the new folder, and /readyz must say "not ready" meanwhile.
 */
class RunbookFolderSecurityIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path tmp;

    private Path runbooks;

    @BeforeEach
    void folder() throws IOException {
        runbooks = Files.createDirectory(tmp.resolve("runbooks"));
        Files.copy(JarRun.BASEDIR.resolve("runbooks/api-server-down.md"), runbooks.resolve("api-server-down.md"));
    }

    @Test
    void aRunbookAddedToTheReCreatedFolderIsAnswered() throws Exception {
        try (ReloadingRunbooks served = ReloadingRunbooks.open(runbooks);
                RunbookFolderWatcher watcher =
                        RunbookFolderWatcher.start(runbooks, Duration.ofMillis(200), served::requestReload)) {
            assertThat(watcher).isNotNull();
            deleteTree(runbooks);
            Thread.sleep(1_500); // the attack itself: the folder stays gone across a root check (every 1 s)
            Files.createDirectory(runbooks);
            Files.writeString(runbooks.resolve("new.md"), "# Gizmo overheating\n\nThe gizmoflux overheats: cool it.\n");

            Answer answer = await(
                    () -> served.ask("gizmoflux overheats", 5),
                    a -> a.answered() && !a.hits().isEmpty());

            assertThat(answer.hits().get(0).section().file()).isEqualTo("new.md");
            Files.writeString(runbooks.resolve("later.md"), "# Sprocket jam\n\nThe sprocketron jams: oil it.\n");
            assertThat(await(
                                    () -> served.ask("sprocketron jams", 5),
                                    a -> a.answered() && !a.hits().isEmpty())
                            .hits()
                            .get(0)
                            .section()
                            .file())
                    .as("later changes are watched too")
                    .isEqualTo("later.md");
        }
    }

    @Test
    void aFolderMovedIntoThePlaceOfTheRunbookFolderIsWatched() throws Exception {
        try (ReloadingRunbooks served = ReloadingRunbooks.open(runbooks);
                RunbookFolderWatcher watcher =
                        RunbookFolderWatcher.start(runbooks, Duration.ofMillis(200), served::requestReload)) {
            assertThat(watcher).isNotNull();
            Path next = Files.createDirectory(tmp.resolve("next"));
            Files.writeString(next.resolve("new.md"), "# Gizmo overheating\n\nThe gizmoflux overheats: cool it.\n");
            Files.move(runbooks, tmp.resolve("old"));
            Files.move(next, runbooks);

            await(
                    () -> served.ask("gizmoflux overheats", 5),
                    a -> a.answered() && !a.hits().isEmpty());
            Files.writeString(runbooks.resolve("later.md"), "# Sprocket jam\n\nThe sprocketron jams: oil it.\n");
            assertThat(await(
                                    () -> served.ask("sprocketron jams", 5),
                                    a -> a.answered() && !a.hits().isEmpty())
                            .hits()
                            .get(0)
                            .section()
                            .file())
                    .isEqualTo("later.md");
        }
    }

    @Test
    void readyzSaysNotReadyWhileTheFolderIsMissingAndReadyOnceItIsBack() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JarRun.command(List.of(), "serve"))
                .directory(tmp.toFile())
                .redirectError(tmp.resolve("serve.log").toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("RUNBOOK_BOT_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
        builder.environment().put("RUNBOOK_BOT_RUNBOOKS", runbooks.toString());
        builder.environment().put("RUNBOOK_BOT_HTTP_PORT", "0");
        Process serve = builder.start();
        try {
            URI readyz = URI.create("http://127.0.0.1:" + port(serve) + "/readyz");
            assertThat(get(readyz).statusCode()).isEqualTo(200);

            deleteTree(runbooks);
            HttpResponse<String> missing = await(() -> get(readyz), r -> r.statusCode() == 503);
            assertThat(missing.body()).contains("runbook folder is missing");

            Files.createDirectory(runbooks);
            Files.writeString(runbooks.resolve("new.md"), "# Gizmo overheating\n\nThe gizmoflux overheats: cool it.\n");
            await(() -> get(readyz), r -> r.statusCode() == 200);
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static int port(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("runbook-bot ready: http port ")) {
                return Integer.parseInt(
                        line.substring("runbook-bot ready: http port ".length()).split(" ")[0]);
            }
        }
        throw new AssertionError("serve ended without its ready line");
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT.toSeconds() + " s; last: " + last);
            }
            Thread.sleep(200);
            last = probe.get();
        }
        return last;
    }
}
