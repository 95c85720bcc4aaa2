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
 * The real Alertmanager (Debian's prometheus-alertmanager, 0.25) on a free 127.0.0.1 port, with its
 * own configuration and storage folder, clustering off. {@link #postAlerts} speaks its v2 API.
 */
public final class AlertmanagerProcess implements AutoCloseable {
    static final String PROGRAM = "prometheus-alertmanager";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalProcess process;
    private final URI base;

    private AlertmanagerProcess(LocalProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Writes {@code config} (alertmanager.yml) into {@code dir} and starts Alertmanager there. */
    public static AlertmanagerProcess start(Path dir, String config) throws IOException {
        Path program = LocalProcess.require(PROGRAM, "prometheus-alertmanager");
        Path configFile = Files.writeString(dir.resolve("alertmanager.yml"), config);
        Map.Entry<LocalProcess, URI> started = LocalProcess.startOnFreePort(
                "alertmanager",
                dir,
                (port, base) -> List.of(
                        program.toString(),
                        "--config.file=" + configFile,
                        "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--web.external-url=" + base,
                        "--cluster.listen-address=",
                        "--log.level=debug"),
                "/-/ready");
        return new AlertmanagerProcess(started.getKey(), started.getValue());
    }

    URI base() {
        return base;
    }

    /** {@code 127.0.0.1:port}, as Prometheus' alerting targets name it. */
    public String hostPort() {
        return base.getHost() + ":" + base.getPort();
    }

    /** POST /api/v2/alerts with a JSON array of alerts; an alert whose endsAt has passed is expired. */
    public void postAlerts(String jsonArray) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/api/v2/alerts"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jsonArray))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("Alertmanager refused the alerts: " + r.statusCode() + " " + r.body());
        }
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
