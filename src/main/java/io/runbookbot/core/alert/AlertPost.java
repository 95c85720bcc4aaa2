package io.runbookbot.core.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the bot posts for one Alertmanager group, neutral of chat platform. Every string in it is
 * redacted; the adapters escape their own markup.
 *
 * @param alertName   the group's alert name (the group label, else the first alert's)
 * @param keyLabels   the group's labels worth a glance in the header (without alertname)
 * @param alerts      the alerts shown, firing first
 * @param notShown    alerts of the group left out (the message's room, Alertmanager's truncatedAlerts)
 * @param runbook     the section that covers the alert; null when no runbook does
 * @param annotations the summary and description, shown when no runbook covers the alert
 */
public record AlertPost(
        String alertName,
        int firing,
        int resolved,
        Map<String, String> keyLabels,
        List<AlertLine> alerts,
        int notShown,
        @Nullable AlertRunbook runbook,
        Map<String, String> annotations) {
    public AlertPost {
        Objects.requireNonNull(alertName, "alertName");
        keyLabels = Map.copyOf(keyLabels);
        alerts = List.copyOf(alerts);
        annotations = Map.copyOf(annotations);
    }

    /** True when every alert of the group has resolved. */
    public boolean allResolved() {
        return firing == 0;
    }

    /** The section, if a runbook covers the alert. */
    public Optional<AlertRunbook> section() {
        return Optional.ofNullable(runbook);
    }

    /** "FIRING 3 · KubePodCrashLooping" or "RESOLVED · KubePodCrashLooping". */
    public String headline() {
        String status =
                allResolved() ? "RESOLVED" : "FIRING " + firing + (resolved > 0 ? ", resolved " + resolved : "");
        return status + " · " + alertName;
    }

    /** The key labels as {@code name=value} words, sorted by name. */
    public String labelLine() {
        return labelLine(keyLabels);
    }

    /** Labels as {@code name=value} words, sorted by name. */
    public static String labelLine(Map<String, String> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
