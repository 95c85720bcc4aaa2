package io.runbookbot.alert;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Prometheus rule file of the Alertmanager IT: alerts named after corpus runbooks (two from
 * prometheus-operator with its lower-case runbook URLs, one from OpenShift with a GitHub URL) that fire
 * at once ({@code expr: vector(1)}), one group ({@code team="platform"}), until the series
 * {@link #RESOLVED_METRIC} with their name appears ({@link PrometheusProcess#resolve}): then their
 * expression returns nothing and Prometheus sends them resolved, as when a real condition ends.
 */
public final class TestAlertRules {
    public static final String POD_NOT_READY = "KubePodNotReady";
    public static final String FILESYSTEM_FILLING_UP = "NodeFilesystemSpaceFillingUp";
    public static final String OPERATOR_DOWN = "ClusterOperatorDown";
    /** The series, labelled {@code alert="<name>"}, whose presence ends that alert's condition. */
    static final String RESOLVED_METRIC = "runbookbot_it_resolved";

    private record Rule(String name, Map<String, String> labels, Map<String, String> annotations) {}

    private static final Rule[] RULES = {
        new Rule(
                POD_NOT_READY,
                Map.of("severity", "warning", "team", "platform", "namespace", "payments", "pod", "api-7d9f6c-x2x9q"),
                Map.of(
                        "summary", "Pod has been in a non-ready state for more than 15 minutes.",
                        "description",
                                "Pod payments/api-7d9f6c-x2x9q has been in a non-ready state for longer"
                                        + " than 15 minutes.",
                        "runbook_url", "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodnotready")),
        new Rule(
                FILESYSTEM_FILLING_UP,
                Map.of(
                        "severity",
                        "critical",
                        "team",
                        "platform",
                        "instance",
                        "10.0.3.7:9100",
                        "job",
                        "node-exporter",
                        "mountpoint",
                        "/var"),
                Map.of(
                        "summary", "Filesystem is predicted to run out of space within the next 4 hours.",
                        "description",
                                "Filesystem on /dev/sda1 at 10.0.3.7:9100 has only 9.8% available space"
                                        + " left and is filling up fast.",
                        "runbook_url",
                                "https://runbooks.prometheus-operator.dev/runbooks/node/nodefilesystemspacefillingup")),
        new Rule(
                OPERATOR_DOWN,
                Map.of("severity", "critical", "team", "platform", "name", "authentication"),
                Map.of(
                        "summary", "Cluster operator has not been available for 10 minutes.",
                        "description",
                                "The authentication operator may be down or disabled because deployment"
                                        + " failed, and the components it manages may be unavailable or degraded.",
                        "runbook_url",
                                "https://github.com/openshift/runbooks/blob/master/alerts/cluster-monitoring-operator/"
                                        + "ClusterOperatorDown.md"))
    };

    private TestAlertRules() {}

    static int count() {
        return RULES.length;
    }

    /** The rule file: each alert fires while {@link #RESOLVED_METRIC} does not name it. */
    public static String yaml() {
        StringBuilder out = new StringBuilder("groups:\n  - name: runbook-bot-it\n    interval: 1s\n    rules:\n");
        for (Rule rule : RULES) {
            out.append("      - alert: ").append(rule.name()).append('\n');
            out.append("        expr: 'vector(1) unless on() ")
                    .append(RESOLVED_METRIC)
                    .append("{alert=\"")
                    .append(rule.name())
                    .append("\"}'\n");
            out.append("        labels:\n").append(block(rule.labels()));
            out.append("        annotations:\n").append(block(rule.annotations()));
        }
        return out.toString();
    }

    private static String block(Map<String, String> values) {
        return values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "          " + e.getKey() + ": " + quoted(e.getValue()) + "\n")
                .collect(Collectors.joining());
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
