package io.runbookbot.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real Prometheus (Debian's prometheus, 2.42) on a free 127.0.0.1 port with its own TSDB folder,
 * evaluating a rule file every second and sending its alerts to one Alertmanager. {@link #rules}
 * rewrites the rule file and reloads it (the way to resolve an alert: its expression stops
 * returning anything).
 */
public final class PrometheusProcess implements AutoCloseable {
    static final String PROGRAM = "prometheus";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalProcess process;
    private final URI base;
    private final Path rulesFile;

    private PrometheusProcess(LocalProcess process, URI base, Path rulesFile) {
        this.process = process;
        this.base = base;
        this.rulesFile = rulesFile;
    }

    public static PrometheusProcess start(Path dir, String alertmanagerHostPort, String rules) throws IOException {
        Path program = LocalProcess.require(PROGRAM, "prometheus");
        Path rulesFile = Files.writeString(dir.resolve("rules.yml"), rules);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  evaluation_interval: 1s
                  scrape_interval: 1m
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                """.formatted(alertmanagerHostPort));
        Map.Entry<LocalProcess, URI> started = LocalProcess.startOnFreePort(
                "prometheus",
                dir,
                (port, base) -> List.of(
                        program.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--web.external-url=" + base,
                        "--web.enable-lifecycle",
                        // Prometheus finds its Alertmanager up to 5 s after starting and after each reload; alerts
                        // sent to no one meanwhile are sent again after this delay (1 min by default). A firing
                        // alert's endsAt is 4 delays ahead: 12 s outlast the gap, so no alert ends by itself
                        "--rules.alert.resend-delay=3s"),
                "/-/ready");
        return new PrometheusProcess(started.getKey(), started.getValue(), rulesFile);
    }

    URI base() {
        return base;
    }

    /** Replaces the rule file and reloads it (POST /-/reload). */
    public void rules(String rules) throws IOException, InterruptedException {
        Files.writeString(rulesFile, rules);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/-/reload"))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("Prometheus did not reload its rules: " + r.statusCode() + " " + r.body());
        }
    }

    String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
