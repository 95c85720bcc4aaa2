package io.runbookbot.core.alert;

import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.chat.ReadableSection;
import io.runbookbot.core.chat.SourceLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alert posts for the adapters' formatter tests. */
public final class AlertPosts {
    public static final String SOURCE = "https://git.example.com/runbooks/blob/main/kube/pod-crashlooping.md";

    private AlertPosts() {}

    /** A firing group of {@code count} alerts whose labels are {@code labels} plus a pod number. */
    public static AlertPost firing(int count, Map<String, String> labels) {
        List<AlertLine> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> own = new LinkedHashMap<>(labels);
            own.put("pod", "api-" + i);
            alerts.add(new AlertLine(
                    "KubePodCrashLooping",
                    true,
                    own,
                    "2026-11-28T10:42:00Z",
                    "http://prometheus:9090/graph?g0.expr=up"));
        }
        return new AlertPost(
                "KubePodCrashLooping", count, 0, Map.of("namespace", "payments"), alerts, 0, runbook(), Map.of());
    }

    public static AlertRunbook runbook() {
        String text =
                "## Diagnosis\n\nCheck the pod's last logs:\n\n```shell\nkubectl logs -n payments api-0 --previous\n```\n";
        RunbookSection section = new RunbookSection(
                "kube/pod-crashlooping.md",
                "KubePodCrashLooping",
                "Diagnosis",
                List.of("KubePodCrashLooping", "Diagnosis"),
                2,
                12,
                20,
                text,
                List.of());
        DiagnosticSuggestion logs = new DiagnosticSuggestion(
                "pod-logs",
                "Last logs of a pod",
                Map.of("namespace", "payments", "pod", "api-0"),
                "kubectl logs -n payments api-0 --previous",
                17);
        return new AlertRunbook(
                section,
                ReadableSection.of(section, SourceLinks.NONE),
                "Pods keep restarting.",
                SOURCE,
                "local",
                List.of(logs));
    }

    /** The same group with its runbook taken away and annotations given instead. */
    public static AlertPost uncovered(AlertPost post, Map<String, String> annotations) {
        return new AlertPost(
                post.alertName(),
                post.firing(),
                post.resolved(),
                post.keyLabels(),
                post.alerts(),
                post.notShown(),
                null,
                annotations);
    }

    /** The same group, every alert resolved. */
    public static AlertPost resolved(AlertPost post) {
        List<AlertLine> alerts = post.alerts().stream()
                .map(a -> new AlertLine(a.name(), false, a.labels(), a.startsAt(), a.generatorUrl()))
                .toList();
        return new AlertPost(
                post.alertName(),
                0,
                alerts.size(),
                post.keyLabels(),
                alerts,
                post.notShown(),
                post.runbook(),
                post.annotations());
    }
}
