package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code alert --file}: what serve would post, where and why, without posting; bad input exits 2 with the reason. */
class AlertCommandTest {
    private static final Path FIRING = Path.of("src/test/resources/alertmanager/prometheus-firing.json");
    private static final String RUNBOOKS = Path.of(
                    System.getProperty("runbookbot.shared", "../shared"), "corpus", "prometheus-operator__runbooks")
            .toString();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path routes() throws Exception {
        return Files.writeString(dir.resolve("routes.yaml"), """
                routes:
                  - name: platform
                    matchers: ['team="platform"']
                    slack_channel: C0PLATFORM
                default:
                  discord_channel: "123456789012345678"
                """);
    }

    @Test
    void previewsTheRouteTheSectionEachAlertMapsToAndWhy() throws Exception {
        Run run = run(
                "alert", "--file", FIRING.toString(), "--alert-routes", routes().toString(), "--runbooks", RUNBOOKS);

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(
                        "NodeFilesystemSpaceFillingUp (firing): RUNBOOK_URL content/runbooks/node/NodeFilesystemSpaceFillingUp.md")
                .contains("runbook_url: path ends with")
                .contains("Route platform -> slack C0PLATFORM")
                .contains("FIRING 3 · NodeFilesystemSpaceFillingUp, ClusterOperatorDown, KubePodNotReady")
                .doesNotContain("123456789012345678");
    }

    @Test
    void aMalformedBodyOrRouteFileExits2WithTheReason() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"version\":\"3\",\"alerts\":[]}");
        Path badRoutes = Files.writeString(
                dir.resolve("bad.yaml"),
                "routes:\n  - name: x\n    matchers: ['team=~\"(\"']\n    slack_channel: C0X\ndefault:\n  slack_channel: C0Y\n");

        Run body =
                run("alert", "--file", bad.toString(), "--alert-routes", routes().toString(), "--runbooks", RUNBOOKS);
        Run route = run(
                "alert", "--file", FIRING.toString(), "--alert-routes", badRoutes.toString(), "--runbooks", RUNBOOKS);
        Run none = run("alert", "--file", FIRING.toString(), "--runbooks", RUNBOOKS);

        assertThat(body.exit()).isEqualTo(2);
        assertThat(body.err()).containsIgnoringCase("version");
        assertThat(route.exit()).isEqualTo(2);
        assertThat(route.err()).contains("routes[0]");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("RUNBOOK_BOT_ALERT_ROUTES");
    }
}
