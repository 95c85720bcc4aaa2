package io.runbookbot.search.eval;

import java.util.List;
import java.util.Random;

/**
 * Generic log noise for {@link PastedBlocks}: timestamps, levels, component names, UUIDs, pod
 * hashes, IPs, durations and ordinary INFO/DEBUG/WARN messages of a service that has nothing to do
 * with the error. Nothing here is taken from a question or a runbook: it is what any service logs.
 */
final class LogNoise {
    static final List<String> COMPONENTS = List.of(
            "http-server",
            "scheduler",
            "metrics-exporter",
            "cache",
            "auth-proxy",
            "config-reloader",
            "healthcheck",
            "worker-pool",
            "session-store",
            "event-bus",
            "audit",
            "rate-limiter",
            "api-gateway",
            "billing-worker",
            "notifier");
    static final List<String> JAVA_LOGGERS = List.of(
            "c.e.app.web.RequestLogger",
            "o.s.web.servlet.DispatcherServlet",
            "c.e.app.jobs.JobRunner",
            "o.s.b.a.l.ConditionEvaluationReportLogger",
            "c.e.app.cache.CacheStats",
            "i.m.c.i.logging.LoggingMeterRegistry",
            "c.e.app.events.EventPublisher");
    static final List<String> GO_FILES = List.of(
            "server.go", "reflector.go", "controller.go", "manager.go", "handler.go", "leaderelection.go", "main.go");
    private static final List<String> INFO = List.of(
            "Started application in {dur} (process running for {dur})",
            "GET /api/v1/items?page={n} 200 {dur}",
            "POST /api/v1/orders 201 {dur}",
            "request completed method=GET path=/healthz status=200 duration={dur}",
            "Scheduled task refreshIndex finished in {dur}",
            "Flushed {n} metrics to sink in {dur}",
            "Heartbeat sent to {ip}:{port}",
            "Loaded {n} feature flags",
            "Cache hit ratio {pct}% over the last 60s",
            "Rotating log file /var/log/app/app.log",
            "Session {uuid} created for user {n}",
            "Received SIGHUP, reloading settings",
            "Worker {n} picked up job {uuid}",
            "Job {uuid} completed in {dur}",
            "Lease renewed, still leader",
            "Checkpoint written: {n} entries",
            "Applying revision {n}",
            "Listening on 0.0.0.0:{port}",
            "trace_id={hex} span_id={hex} sampled=true",
            "Serving /metrics on :{port}",
            "{n} events published to topic orders in {dur}",
            "Reconciled object default/{pod} in {dur}");
    private static final List<String> DEBUG = List.of(
            "Acquired lock {uuid} in {dur}",
            "Response headers written, {n} bytes",
            "Evaluating {n} rules",
            "Skipping unchanged object {pod}",
            "Parsed request body ({n} bytes) in {dur}",
            "Resolved {host} to {ip}");
    private static final List<String> WARN = List.of(
            "Slow request: GET /api/v1/search took {dur}",
            "Retrying publish to topic events (attempt {small}/5)",
            "Deprecated setting 'server.timeout' used; use 'server.read_timeout'",
            "Optional file /etc/app/extra.yaml missing, using defaults",
            "Request to {ip}:{port} took {dur}, above the {n}ms budget",
            "Response body larger than {n} bytes, truncating log");

    private final Random random;
    private long clock;

    LogNoise(Random random) {
        this.random = random;
        this.clock = 1_795_000_000_000L + random.nextInt(1_000_000_000);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** An ordinary message at INFO, DEBUG or (rarely) WARN, with its level. */
    String[] message() {
        double r = random.nextDouble();
        if (r < 0.15) {
            return new String[] {"WARN", fill(pick(WARN))};
        }
        return r < 0.4 ? new String[] {"DEBUG", fill(pick(DEBUG))} : new String[] {"INFO", fill(pick(INFO))};
    }

    String fill(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open).append(value(template.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private String value(String slot) {
        return switch (slot) {
            case "dur" -> duration();
            case "n" -> Integer.toString(between(2, 9000));
            case "small" -> Integer.toString(between(1, 4));
            case "pct" -> Integer.toString(between(40, 99));
            case "ip" -> ip();
            case "port" -> Integer.toString(pick(List.of(8080, 8443, 9090, 9100, 6060, 7001)));
            case "uuid" -> uuid();
            case "hex" -> hex(16);
            case "pod" -> pod();
            case "host" -> pick(List.of("svc-a.internal", "queue.internal", "api.example.com"));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    String duration() {
        return switch (random.nextInt(4)) {
            case 0 -> between(1, 950) + "ms";
            case 1 -> String.format("%d.%03ds", between(0, 30), between(0, 999));
            case 2 -> String.format("%.3fms", random.nextDouble() * 400);
            default -> between(1, 59) + "m" + between(1, 59) + "s";
        };
    }

    String ip() {
        return "10." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }

    String hex(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    /** A Deployment pod name: name, ReplicaSet hash, pod suffix. */
    String pod() {
        String alnum = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alnum.charAt(random.nextInt(alnum.length())));
        }
        return pick(COMPONENTS) + "-" + between(5, 9) + hex(8).substring(1) + "-" + suffix;
    }

    /** Advances the clock by up to a few seconds and returns it (milliseconds since the epoch). */
    long tick() {
        clock += between(1, 3000);
        return clock;
    }
}
