package io.runbookbot.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The real Prometheus (Debian's prometheus, 2.42) on a free 127.0.0.1 port with its own TSDB folder,
 * evaluating a rule file every second and sending its alerts to one Alertmanager. It also scrapes,
 * every second, a metrics page the test serves: {@link #resolve} names the alerts whose condition
 * has stopped (the page then shows {@link TestAlertRules#RESOLVED_METRIC} for them), which resolves
 * them within a scrape and an evaluation, as in production, without a reload (after a reload
 * Prometheus takes up to 5 s to find its Alertmanager again).
 */
public final class PrometheusProcess implements AutoCloseable {
    static final String PROGRAM = "prometheus";

    private final LocalProcess process;
    private final URI base;
    private final HttpServer page;
    private final AtomicReference<String> metrics;

    private PrometheusProcess(LocalProcess process, URI base, HttpServer page, AtomicReference<String> metrics) {
        this.process = process;
        this.base = base;
        this.page = page;
        this.metrics = metrics;
    }

    /** Prometheus with {@code rules} ({@link TestAlertRules#yaml()}), sending to {@code alertmanagerHostPort}. */
    public static PrometheusProcess start(Path dir, String alertmanagerHostPort, String rules) throws IOException {
        return start(dir, alertmanagerHostPort, rules, Map.of());
    }

    /** As {@link #start(Path, String, String)}, adding {@code externalLabels} to every alert it sends. */
    public static PrometheusProcess start(
            Path dir, String alertmanagerHostPort, String rules, Map<String, String> externalLabels)
            throws IOException {
        Path program = LocalProcess.require(PROGRAM, "prometheus");
        Files.writeString(dir.resolve("rules.yml"), rules);
        HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        AtomicReference<String> metrics = new AtomicReference<>("");
        page.createContext("/metrics", exchange -> serve(exchange, metrics.get()));
        page.start();
        try {
            Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      evaluation_interval: 1s
                      scrape_interval: 1s
                      external_labels: {%s}
                    rule_files: [rules.yml]
                    scrape_configs:
                      - job_name: runbook-bot-it
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    alerting:
                      alertmanagers:
                        - static_configs:
                            - targets: ['%s']
                    """.formatted(
                            new TreeMap<>(externalLabels)
                                    .entrySet().stream()
                                            .map(e -> e.getKey() + ": '" + e.getValue() + "'")
                                            .collect(Collectors.joining(", ")),
                            page.getAddress().getPort(),
                            alertmanagerHostPort));
            Map.Entry<LocalProcess, URI> started = LocalProcess.startOnFreePort(
                    "prometheus",
                    dir,
                    (port, base) -> List.of(
                            program.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--web.external-url=" + base,
                            // Prometheus finds its Alertmanager up to 5 s after starting; alerts sent to no one
                            // meanwhile are sent again after this delay (1 min by default). A firing alert's
                            // endsAt is 4 delays ahead: 8 s outlast a stall of the machine
                            "--rules.alert.resend-delay=2s"),
                    "/-/ready");
            return new PrometheusProcess(started.getKey(), started.getValue(), page, metrics);
        } catch (IOException | RuntimeException | Error e) {
            page.stop(0);
            throw e;
        }
    }

    URI base() {
        return base;
    }

    /**
     * The alerts named in {@code resolved} stop firing (their condition ends at the next scrape), the
     * others fire; Prometheus sends them resolved within about two seconds.
     */
    public void resolve(Set<String> resolved) {
        metrics.set(resolved.stream()
                .sorted()
                .map(name -> TestAlertRules.RESOLVED_METRIC + "{alert=\"" + name + "\"} 1\n")
                .collect(Collectors.joining()));
    }

    private static void serve(HttpExchange exchange, String metrics) throws IOException {
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            byte[] body = metrics.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            out.write(body);
        }
    }

    String log() {
        return process.log();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            page.stop(0);
        }
    }
}
