package io.runbookbot.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The thread line for a group's repeat: which alerts joined, which resolved, or that all did.
 * Nothing when the repeat changed nothing (Alertmanager's {@code repeat_interval}).
 */
final class AlertChanges {
    /** Alerts named one by one in a line; the rest are counted. */
    static final int NAMED = 5;

    /**
     * One alert of the group as it stands now.
     *
     * @param fingerprint Alertmanager's fingerprint of its labels
     * @param label       how the line names it ("pod=api-3")
     */
    record Now(String fingerprint, boolean firing, String label) {
        Now {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(label, "label");
        }
    }

    private AlertChanges() {}

    /**
     * @param wasFiring the fingerprints that were firing when the group was last posted
     * @param now       the group's alerts in this notification
     */
    static Optional<String> line(Set<String> wasFiring, List<Now> now) {
        List<String> joined = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (Now alert : now) {
            if (alert.firing() && !wasFiring.contains(alert.fingerprint())) {
                joined.add(alert.label());
            } else if (!alert.firing() && wasFiring.contains(alert.fingerprint())) {
                resolved.add(alert.label());
            }
        }
        boolean allResolved = !now.isEmpty() && now.stream().noneMatch(Now::firing);
        if (allResolved && !wasFiring.isEmpty()) {
            return Optional.of("All resolved.");
        }
        List<String> parts = new ArrayList<>();
        if (!joined.isEmpty()) {
            parts.add(named(joined.size() == 1 ? "Now firing: " : joined.size() + " now firing: ", joined));
        }
        if (!resolved.isEmpty()) {
            parts.add(named("Resolved: ", resolved));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(". ", parts) + ".");
    }

    private static String named(String prefix, List<String> labels) {
        String shown = String.join(", ", labels.subList(0, Math.min(NAMED, labels.size())));
        return prefix + shown + (labels.size() > NAMED ? " and " + (labels.size() - NAMED) + " more" : "");
    }
}
