package io.runbookbot.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert of an Alertmanager notification, as sent: label and annotation values are kept as the
 * data they are (markup, {@code @here} and control characters included); escaping for a chat is the
 * poster's job. {@code endsAt} is empty when Alertmanager sent its zero time (a firing alert).
 */
public record Alert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Optional<Instant> endsAt,
        String generatorUrl,
        String fingerprint) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public Alert {
        Objects.requireNonNull(status, "status");
        labels = ordered(labels);
        annotations = ordered(annotations);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(generatorUrl, "generatorUrl");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The {@code alertname} label, or "" when the alert has none. */
    public String name() {
        return labels.getOrDefault("alertname", "");
    }

    public boolean firing() {
        return FIRING.equals(status);
    }

    /** An unmodifiable copy that keeps the order the map had (the payload's order). */
    static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, "map")));
    }
}
