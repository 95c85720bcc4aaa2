package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Answer;
import io.runbookbot.search.ReloadingRunbooks;
import io.runbookbot.search.RunbookFolderWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links in the runbook folder that lead out of it (a merged pull request can add one):
 * real links to /etc/passwd, /etc/shadow, /etc and a folder outside, and link loops, through the
 * real CLI jar and through a serving watcher.
 */
class RunbookSymlinkSecurityIT {
    private static final String PASSWD_QUESTION = "root bin bash nologin daemon";
    private static final String OUTSIDE_WORD = "zanzibarquokka";

    @TempDir
    Path tmp;

    private Path runbooks;

    @BeforeEach
    void folder() throws Exception {
        runbooks = Files.createDirectory(tmp.resolve("runbooks"));
        Files.copy(JarRun.BASEDIR.resolve("runbooks/api-server-down.md"), runbooks.resolve("api-server-down.md"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# Secret\n\nThe " + OUTSIDE_WORD + " password is hunter2.\n");
        Files.createSymbolicLink(runbooks.resolve("passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(runbooks.resolve("shadow.txt"), Path.of("/etc/shadow"));
        Files.createSymbolicLink(runbooks.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(runbooks.resolve("elsewhere"), outside);
        Files.createSymbolicLink(runbooks.resolve("secret.md"), outside.resolve("secret.md"));
        Path sub = Files.createDirectory(runbooks.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("loop"), Path.of(".."));
        Files.createSymbolicLink(runbooks.resolve("self"), Path.of("."));
        Files.createSymbolicLink(sub.resolve("same-api.md"), Path.of("../api-server-down.md"));
    }

    @Test
    void askThroughTheJarNeverShowsEtcPasswdAndWarnsNamingEachLinkAndItsTarget() throws Exception {
        JarRun run =
                JarRun.run(tmp, List.of(), Map.of(), 60, "ask", "--runbooks", runbooks.toString(), PASSWD_QUESTION);

        assertThat(run.stdout())
                .doesNotContain("root:x:0:0")
                .doesNotContain("/usr/sbin/nologin")
                .doesNotContain("daemon:")
                .doesNotContain("passwd.md")
                .doesNotContain("(etc/");
        assertThat(run.stderr())
                .contains("passwd.md: link to /etc/passwd")
                .contains("shadow.txt: link to /etc/shadow")
                .contains("etc: link to /etc")
                .contains("elsewhere: link to " + tmp.resolve("outside"))
                .contains("secret.md: link to " + tmp.resolve("outside/secret.md"))
                .contains("link loop");
        assertThat(run.stderr()).as("no file content in the log").doesNotContain("root:x:0:0");
    }

    @Test
    void aFileOutsideReachedThroughALinkIsNeverAnswered() throws Exception {
        JarRun run = JarRun.run(
                tmp, List.of(), Map.of(), 60, "ask", "--runbooks", runbooks.toString(), OUTSIDE_WORD + " password");

        assertThat(run.stdout()).doesNotContain("hunter2");
    }

    @Test
    void linksThatStayInsideTheFolderAreStillIndexed() throws Exception {
        JarRun run = JarRun.run(
                tmp,
                List.of(),
                Map.of(),
                60,
                "ask",
                "--json",
                "--top",
                "10",
                "--runbooks",
                runbooks.toString(),
                "port already in use");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("sub/same-api.md").contains("\"api-server-down.md");
    }

    @Test
    void aLinkAddedWhileServingIsNeverIndexed() throws Exception {
        try (ReloadingRunbooks served = ReloadingRunbooks.open(runbooks);
                RunbookFolderWatcher watcher =
                        RunbookFolderWatcher.start(runbooks, Duration.ofMillis(200), served::requestReload)) {
            assertThat(watcher).isNotNull();
            Files.createSymbolicLink(runbooks.resolve("group.md"), Path.of("/etc/group"));
            Files.createSymbolicLink(runbooks.resolve("hosts.md"), Path.of("/etc/hosts"));
            Files.writeString(runbooks.resolve("new.md"), "# Gizmo overheating\n\nThe gizmoflux overheats: cool it.\n");

            Answer fresh = awaitAnswer(served, "gizmoflux overheats");
            assertThat(fresh.hits().get(0).section().file()).isEqualTo("new.md");
            for (String question : List.of(PASSWD_QUESTION, "root wheel daemon sys adm", "localhost ip6-localhost")) {
                assertThat(served.ask(question, 10).hits())
                        .extracting(h -> h.section().file())
                        .doesNotContain("passwd.md", "group.md", "hosts.md", "shadow.txt", "secret.md")
                        .noneMatch(f -> f.startsWith("etc/") || f.startsWith("elsewhere/"));
            }
            assertThat(served.status().skipped()).isGreaterThanOrEqualTo(7);
        }
    }

    private static Answer awaitAnswer(ReloadingRunbooks served, String question) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Answer answer = served.ask(question, 5);
            if (answer.answered() && !answer.hits().isEmpty()) {
                return answer;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the new runbook was never indexed");
    }
}
