package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The payloads captured from the real Alertmanager (src/test/resources/alertmanager/) tell the story
 * their README says, so a recapture cannot silently replace them with something else.
 */
class AlertmanagerFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = AlertmanagerFixturesTest.class.getResourceAsStream("/alertmanager/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** alertname -> status of each alert in the notification. */
    private static Map<String, String> alerts(JsonNode payload) {
        Map<String, String> out = new TreeMap<>();
        payload.path("alerts")
                .forEach(a -> out.put(
                        a.path("labels").path("alertname").asText(),
                        a.path("status").asText()));
        return out;
    }

    private static Set<String> fingerprints(JsonNode payload) {
        Set<String> out = new TreeSet<>();
        payload.path("alerts").forEach(a -> out.add(a.path("fingerprint").asText()));
        return out;
    }

    @Test
    void everyFixtureIsAVersion4NotificationOfOneGroup() throws IOException {
        for (String name : new String[] {
            "prometheus-firing",
            "prometheus-firing-truncated",
            "prometheus-repeat",
            "prometheus-partially-resolved",
            "prometheus-resolved",
            "api-firing",
            "api-partially-resolved",
            "api-resolved"
        }) {
            JsonNode payload = fixture(name);
            assertThat(payload.path("version").asText()).as(name).isEqualTo("4");
            int truncated = name.endsWith("truncated") ? 1 : 0;
            assertThat(payload.path("truncatedAlerts").asInt(-1)).as(name).isEqualTo(truncated);
            assertThat(payload.path("alerts").size() + truncated).as(name).isGreaterThan(0);
            String team = name.startsWith("api") ? "api" : "platform";
            assertThat(payload.path("groupLabels").path("team").asText())
                    .as(name)
                    .isEqualTo(team);
        }
    }

    @Test
    void prometheusGroupFiresRepeatsResolvesOneThenTheRest() throws IOException {
        JsonNode firing = fixture("prometheus-firing");
        assertThat(firing.path("groupKey").asText()).isEqualTo("{}:{team=\"platform\"}");
        assertThat(alerts(firing))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "ClusterOperatorDown", "firing",
                        "KubePodNotReady", "firing",
                        "NodeFilesystemSpaceFillingUp", "firing")));
        JsonNode repeat = fixture("prometheus-repeat");
        assertThat(alerts(repeat)).isEqualTo(alerts(firing));
        assertThat(fingerprints(repeat)).isEqualTo(fingerprints(firing));

        JsonNode partly = fixture("prometheus-partially-resolved");
        assertThat(partly.path("status").asText()).isEqualTo("firing");
        assertThat(alerts(partly)).containsEntry("NodeFilesystemSpaceFillingUp", "resolved");
        assertThat(alerts(partly).values()).containsOnlyOnce("resolved");

        JsonNode resolved = fixture("prometheus-resolved");
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(alerts(resolved))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "ClusterOperatorDown", "resolved",
                        "KubePodNotReady", "resolved")));
    }

    @Test
    void aWebhookWithMaxAlertsSaysHowManyItLeftOut() throws IOException {
        JsonNode truncated = fixture("prometheus-firing-truncated");
        assertThat(truncated.path("alerts").size()).isEqualTo(2);
        assertThat(truncated.path("truncatedAlerts").asInt()).isEqualTo(1);
        assertThat(truncated.path("groupKey"))
                .isEqualTo(fixture("prometheus-firing").path("groupKey"));
    }

    @Test
    void prometheusAlertsCarryCorpusRunbookUrls() throws IOException {
        Map<String, String> urls = new TreeMap<>();
        fixture("prometheus-firing")
                .path("alerts")
                .forEach(a -> urls.put(
                        a.path("labels").path("alertname").asText(),
                        a.path("annotations").path("runbook_url").asText()));
        assertThat(urls)
                .containsEntry(
                        "KubePodNotReady",
                        "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodnotready")
                .containsEntry(
                        "ClusterOperatorDown",
                        "https://github.com/openshift/runbooks/blob/master/alerts/cluster-monitoring-operator/"
                                + "ClusterOperatorDown.md");
    }

    @Test
    void apiGroupFiresThenExpiresOneAlertAtATime() throws IOException {
        assertThat(fixture("api-firing").path("groupKey").asText()).isEqualTo("{}/{team=\"api\"}:{team=\"api\"}");
        assertThat(alerts(fixture("api-firing")))
                .isEqualTo(Map.of("KubeJobFailed", "firing", "PrometheusRuleFailures", "firing"));
        assertThat(alerts(fixture("api-partially-resolved")))
                .isEqualTo(Map.of("KubeJobFailed", "resolved", "PrometheusRuleFailures", "firing"));
        assertThat(alerts(fixture("api-resolved"))).isEqualTo(Map.of("PrometheusRuleFailures", "resolved"));
    }
}
