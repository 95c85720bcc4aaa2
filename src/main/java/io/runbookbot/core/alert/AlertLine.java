package io.runbookbot.core.alert;

import java.util.Map;
import java.util.Objects;

/**
 * One alert of a group, as a line of the posted message.
 *
 * @param labels       the labels that tell alerts apart (instance, namespace, pod, job, service), redacted
 * @param startsAt     when it started firing, to the minute in UTC ("2026-11-28 13:58 UTC")
 * @param generatorUrl the alert rule's page in Prometheus; empty when not an http(s) URL
 */
public record AlertLine(String name, boolean firing, Map<String, String> labels, String startsAt, String generatorUrl) {
    public AlertLine {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(generatorUrl, "generatorUrl");
    }
}
