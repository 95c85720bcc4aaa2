package io.runbookbot.search.eval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Common log line layouts, as services and tools print them; used by {@link PastedBlocks}. */
enum LogFormat {
    /** Spring Boot / logback. */
    LOGBACK,
    /** ISO timestamp, level, component in brackets. */
    ISO,
    /** logfmt (Go services, Prometheus, Loki). */
    LOGFMT,
    /** One JSON object per line (structured logging). */
    JSON,
    /** Kubernetes klog. */
    KLOG,
    /** syslog / journalctl. */
    SYSLOG,
    /** Python logging's default-ish layout. */
    PYTHON;

    private static final DateTimeFormatter ISO_MS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPACE_MS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KLOG_TIME =
            DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG_TIME =
            DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * One line at {@code level} (INFO, DEBUG, WARN, ERROR, FATAL) from {@code component}; {@code host}
     * and {@code pid} are used by the layouts that show them.
     */
    String line(LogNoise noise, String level, String component, String message, String host, int pid) {
        Instant t = Instant.ofEpochMilli(noise.tick());
        return switch (this) {
            case LOGBACK ->
                String.format(
                        "%s %5s %d --- [%15s] %-40s : %s",
                        SPACE_MS.format(t), level, pid, thread(noise), noise.pick(LogNoise.JAVA_LOGGERS), message);
            case ISO -> String.format("%s %-5s [%s] %s", ISO_MS.format(t), level, component, message);
            case LOGFMT ->
                String.format(
                        "ts=%s level=%s caller=%s:%d component=%s msg=%s",
                        ISO_MS.format(t),
                        level.toLowerCase(Locale.ROOT),
                        noise.pick(LogNoise.GO_FILES),
                        noise.between(20, 900),
                        component,
                        quoted(message));
            case JSON ->
                String.format(
                        "{\"ts\":\"%s\",\"level\":\"%s\",\"logger\":\"%s\",\"msg\":%s,\"trace_id\":\"%s\"}",
                        ISO_MS.format(t), level.toLowerCase(Locale.ROOT), component, json(message), noise.hex(32));
            case KLOG ->
                String.format(
                        "%s%s %7d %s:%d] %s",
                        level.charAt(0),
                        KLOG_TIME.format(t),
                        pid,
                        noise.pick(LogNoise.GO_FILES),
                        noise.between(20, 900),
                        message);
            case SYSLOG -> String.format("%s %s %s[%d]: %s", SYSLOG_TIME.format(t), host, component, pid, message);
            case PYTHON ->
                String.format("%s - %s - %s - %s", PY.format(t), component.replace('-', '.'), level, message);
        };
    }

    private static String thread(LogNoise noise) {
        return noise.pick(java.util.List.of(
                "main",
                "nio-8080-exec-" + noise.between(1, 9),
                "scheduling-1",
                "pool-2-thread-" + noise.between(1, 8),
                "ForkJoinPool-1-w-" + noise.between(1, 4)));
    }

    /** logfmt quoting: bare when it has no space or quote. */
    private static String quoted(String value) {
        if (value.matches("[^\\s\"=]+")) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
