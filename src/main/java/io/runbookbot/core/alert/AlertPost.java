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
 * @param marker      the group's mark, carried by its message where the platform keeps it (Slack's
 *                    metadata, Discord's nonce and embed footer) so that a restart can find a message
 *                    whose id was never recorded: a prefix and hex digits, at most {@value #MAX_MARKER}
 *                    characters, no outside text; empty when the post is not sent (a preview)
 */
public record AlertPost(
        String alertName,
        int firing,
        int resolved,
        Map<String, String> keyLabels,
        List<AlertLine> alerts,
        int notShown,
        @Nullable AlertRunbook runbook,
        Map<String, String> annotations,
        String marker) {
    /** Discord's limit for a nonce, the strictest place the marker goes. */
    public static final int MAX_MARKER = 25;

    public AlertPost {
        Objects.requireNonNull(alertName, "alertName");
        keyLabels = Map.copyOf(keyLabels);
        alerts = List.copyOf(alerts);
        annotations = Map.copyOf(annotations);
        if (marker.length() > MAX_MARKER
                || !marker.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
            throw new IllegalArgumentException("a marker is at most " + MAX_MARKER + " of [a-z0-9-]");
        }
    }

    /** A post without a marker. */
    public AlertPost(
            String alertName,
            int firing,
            int resolved,
            Map<String, String> keyLabels,
            List<AlertLine> alerts,
            int notShown,
            @Nullable AlertRunbook runbook,
            Map<String, String> annotations) {
        this(alertName, firing, resolved, keyLabels, alerts, notShown, runbook, annotations, "");
    }

    /** This post carrying {@code marker}. */
    public AlertPost marked(String marker) {
        return new AlertPost(alertName, firing, resolved, keyLabels, alerts, notShown, runbook, annotations, marker);
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
