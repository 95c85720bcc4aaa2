package io.runbookbot.alert;

/**
 * Bounds on a webhook body, checked before anything else reads it. The defaults are generous for
 * Alertmanager's own payloads (a group of 1,000 alerts with long descriptions fits); a sender with
 * larger groups sets {@code max_alerts} in its {@code webhook_configs}.
 *
 * @param maxBytes the body's size
 * @param maxDepth how deeply objects and arrays may nest (Alertmanager's payload needs 3, Grafana's 4)
 * @param maxAlerts alerts in one notification
 * @param maxEntries labels (or annotations) in one map
 * @param maxNameChars characters in a label or annotation name
 * @param maxValueChars characters in any string kept (label and annotation values, URLs, groupKey)
 */
public record AlertLimits(
        int maxBytes, int maxDepth, int maxAlerts, int maxEntries, int maxNameChars, int maxValueChars) {

    public static final AlertLimits DEFAULTS = new AlertLimits(2 * 1024 * 1024, 8, 1000, 100, 256, 16 * 1024);

    public AlertLimits {
        positive(maxBytes, "maxBytes");
        positive(maxDepth, "maxDepth");
        positive(maxAlerts, "maxAlerts");
        positive(maxEntries, "maxEntries");
        positive(maxNameChars, "maxNameChars");
        positive(maxValueChars, "maxValueChars");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
