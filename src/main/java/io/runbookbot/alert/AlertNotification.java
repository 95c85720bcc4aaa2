package io.runbookbot.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Alertmanager webhook notification (payload version 4, or Grafana alerting's compatible body,
 * whose {@code version} is "1"): a group of alerts sharing {@code groupKey}. {@code truncatedAlerts}
 * counts the alerts Alertmanager left out because of the receiver's {@code max_alerts}.
 */
public record AlertNotification(
        String receiver,
        String status,
        String groupKey,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalUrl,
        List<Alert> alerts,
        int truncatedAlerts,
        String version) {

    public AlertNotification {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(groupKey, "groupKey");
        groupLabels = Alert.ordered(groupLabels);
        commonLabels = Alert.ordered(commonLabels);
        commonAnnotations = Alert.ordered(commonAnnotations);
        Objects.requireNonNull(externalUrl, "externalUrl");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(version, "version");
    }

    public boolean firing() {
        return Alert.FIRING.equals(status);
    }

    /** The alerts still firing, in payload order. */
    public List<Alert> firingAlerts() {
        return alerts.stream().filter(Alert::firing).toList();
    }
}
