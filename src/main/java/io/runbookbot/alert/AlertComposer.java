package io.runbookbot.alert;

import io.runbookbot.core.alert.AlertLine;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertRunbook;
import io.runbookbot.redact.ControlChars;
import io.runbookbot.redact.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A notification as the message its group gets: the alert name, the labels that tell its alerts
 * apart, the counts of the group's state, and the runbook section the alert maps to (through
 * {@code runbooks}, which never guesses: empty when no runbook covers it). Every label and
 * annotation is redacted and stripped of control characters here; the adapters escape their markup.
 */
public final class AlertComposer {
    /** When an alert started, to the minute: what a phone reader needs, not Alertmanager's nanoseconds. */
    private static final java.time.format.DateTimeFormatter SINCE = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The labels worth a glance on each alert line. */
    static final List<String> KEY_LABELS = List.of("instance", "namespace", "pod", "job", "service", "severity");

    private static final int MAX_VALUE = 300;
    private static final int MAX_ANNOTATION = 1200;

    private final BiFunction<Alert, AlertRoute, Optional<AlertRunbook>> runbooks;

    /** @param runbooks the section (and its prefilled checks) for an alert posted on a route */
    public AlertComposer(BiFunction<Alert, AlertRoute, Optional<AlertRunbook>> runbooks) {
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
    }

    public AlertPost compose(AlertNotification n, AlertRoute route, Set<String> firing, Set<String> resolved) {
        Alert first = n.alerts().stream()
                .filter(Alert::firing)
                .findFirst()
                .orElse(n.alerts().get(0));
        String name = clean(n.groupLabels().getOrDefault("alertname", names(n.alerts())), MAX_VALUE);
        Map<String, String> keyLabels = new LinkedHashMap<>();
        n.groupLabels().forEach((k, v) -> {
            if (!k.equals("alertname")) {
                keyLabels.put(clean(k, 100), clean(v, MAX_VALUE));
            }
        });
        List<AlertLine> lines = n.alerts().stream()
                .sorted(Comparator.comparing((Alert a) -> !a.firing()))
                .map(a -> new AlertLine(
                        clean(a.name(), MAX_VALUE),
                        a.firing(),
                        lineLabels(a, keyLabels.keySet()),
                        SINCE.format(a.startsAt()),
                        webUrl(a.generatorUrl())))
                .toList();
        Optional<AlertRunbook> runbook = runbooks.apply(first, route);
        Map<String, String> annotations = new LinkedHashMap<>();
        for (String key : List.of("summary", "description")) {
            String value =
                    first.annotations().getOrDefault(key, n.commonAnnotations().getOrDefault(key, ""));
            if (!value.isBlank()) {
                annotations.put(key, clean(value, MAX_ANNOTATION));
            }
        }
        return new AlertPost(
                name.isBlank() ? "(alert without a name)" : name,
                firing.size(),
                resolved.size(),
                keyLabels,
                lines,
                n.truncatedAlerts(),
                runbook.orElse(null),
                annotations);
    }

    /** A group of differently named alerts is named by its first three names and how many more. */
    private static String names(List<Alert> alerts) {
        List<String> names = alerts.stream().map(Alert::name).distinct().toList();
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
    }

    /** The key labels of an alert that its group's labels do not already say. */
    private static Map<String, String> lineLabels(Alert alert, Set<String> shownAbove) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : KEY_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !shownAbove.contains(key)) {
                labels.put(key, clean(value, MAX_VALUE));
            }
        }
        return labels;
    }

    static String webUrl(String url) {
        return (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2000
                ? clean(url, 2000)
                : "";
    }

    /** Redacted, control characters replaced, cut to {@code max} characters. */
    static String clean(String text, int max) {
        String cleaned = Redactor.redact(ControlChars.clean(text));
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max - 1) + "…";
    }

    /** The labels an alert line shows, for the thread line naming an alert ("pod=api-3"). */
    static String label(Alert alert) {
        List<String> parts = new ArrayList<>();
        for (String key : KEY_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !key.equals("severity")) {
                parts.add(key + "=" + clean(value, 100));
            }
        }
        return parts.isEmpty() ? clean(alert.name(), 100) : String.join(" ", parts);
    }
}
