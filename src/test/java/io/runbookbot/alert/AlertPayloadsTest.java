package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertPayloadsTest {
    /** As Alertmanager 0.25 sent it (captured), one alert resolved, one firing. */
    static final String ALERTMANAGER = """
            {"receiver":"bearer","status":"firing","alerts":[
             {"status":"resolved","labels":{"alertname":"NodeFilesystemSpaceFillingUp","instance":"10.0.3.7:9100",
               "job":"node-exporter","severity":"critical","team":"platform"},
              "annotations":{"runbook_url":"https://runbooks.prometheus-operator.dev/runbooks/node/nodefilesystemspacefillingup",
               "summary":"Filesystem is predicted to run out of space within the next 4 hours."},
              "startsAt":"2026-11-28T11:39:37.792Z","endsAt":"2026-11-28T11:39:51.792Z",
              "generatorURL":"http://127.0.0.1:43559/graph?g0.expr=vector%281%29","fingerprint":"7426a82d0f80195b"},
             {"status":"firing","labels":{"alertname":"KubePodNotReady","namespace":"payments","pod":"api-7d9f6c-x2x9q",
               "severity":"warning","team":"platform"},
              "annotations":{"summary":"Pod has been in a non-ready state for more than 15 minutes."},
              "startsAt":"2026-11-28T11:39:37.792+01:00","endsAt":"0001-01-01T00:00:00Z",
              "generatorURL":"http://127.0.0.1:43559/graph","fingerprint":"c2ee0a594a262057"}],
             "groupLabels":{"team":"platform"},"commonLabels":{"team":"platform"},"commonAnnotations":{},
             "externalURL":"http://127.0.0.1:40799","version":"4","groupKey":"{}:{team=\\"platform\\"}","truncatedAlerts":2}
            """;

    /** Grafana alerting's webhook contact point (its documented example, trimmed). */
    static final String GRAFANA = """
            {"receiver":"My Super Webhook","status":"firing","orgId":1,"alerts":[
             {"status":"firing","labels":{"alertname":"High memory usage","team":"blue","zone":"us-1"},
              "annotations":{"description":"The system has high memory usage","runbook_url":"https://myrunbook.com/runbook/1234"},
              "startsAt":"2021-10-12T09:51:03.157076+02:00","endsAt":"0001-01-01T00:00:00Z",
              "generatorURL":"https://play.grafana.org/alerting/1afz29v7z/edit","fingerprint":"c6eadffa33fcdf37",
              "silenceURL":"https://play.grafana.org/alerting/silence/new","dashboardURL":"","panelURL":"",
              "values":{"B":44.23943737541908,"C":1},"valueString":"[ var='B' labels={} value=44.2 ]"}],
             "groupLabels":{},"commonLabels":{"alertname":"High memory usage","team":"blue","zone":"us-1"},
             "commonAnnotations":{},"externalURL":"https://play.grafana.org/","version":"1",
             "groupKey":"{}:{alertname=\\"High memory usage\\"}","truncatedAlerts":0,
             "title":"[FIRING:1]  (High memory usage blue us-1)","state":"alerting","message":"**Firing**"}
            """;

    @Test
    void readsAnAlertmanagerNotificationWithEveryField() throws Exception {
        AlertNotification n = parse(ALERTMANAGER);

        assertThat(n.receiver()).isEqualTo("bearer");
        assertThat(n.status()).isEqualTo("firing");
        assertThat(n.groupKey()).isEqualTo("{}:{team=\"platform\"}");
        assertThat(n.groupLabels()).containsExactly(entry("team", "platform"));
        assertThat(n.externalUrl()).isEqualTo("http://127.0.0.1:40799");
        assertThat(n.truncatedAlerts()).isEqualTo(2);
        assertThat(n.version()).isEqualTo("4");
        assertThat(n.alerts())
                .extracting(Alert::name)
                .containsExactly("NodeFilesystemSpaceFillingUp", "KubePodNotReady");
        Alert resolved = n.alerts().get(0);
        assertThat(resolved.firing()).isFalse();
        assertThat(resolved.endsAt()).contains(Instant.parse("2026-11-28T11:39:51.792Z"));
        assertThat(resolved.labels().keySet()).containsExactly("alertname", "instance", "job", "severity", "team");
        assertThat(resolved.fingerprint()).isEqualTo("7426a82d0f80195b");
        Alert firing = n.alerts().get(1);
        assertThat(firing.startsAt()).isEqualTo(Instant.parse("2026-11-28T10:39:37.792Z"));
        assertThat(firing.endsAt()).as("Go's zero time means not set").isEqualTo(Optional.empty());
        assertThat(n.firingAlerts()).containsExactly(firing);
    }

    @Test
    void readsGrafanaAlertingsWebhookAndIgnoresItsExtraFields() throws Exception {
        AlertNotification n = parse(GRAFANA);

        assertThat(n.version()).isEqualTo("1");
        assertThat(n.alerts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("High memory usage");
            assertThat(a.annotations()).containsEntry("runbook_url", "https://myrunbook.com/runbook/1234");
            assertThat(a.startsAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
        });
    }

    @Test
    void refusesVersionOneWithoutGrafanasOrgId() {
        assertRejected(GRAFANA.replace("\"orgId\":1,", ""), "version: must be \"4\"");
    }

    @Test
    void refusesAnUnknownMissingOrNumericVersion() {
        assertRejected(ALERTMANAGER.replace("\"version\":\"4\"", "\"version\":\"5\""), "version: must be \"4\"");
        assertRejected(ALERTMANAGER.replace("\"version\":\"4\",", ""), "version: missing");
        assertRejected(ALERTMANAGER.replace("\"version\":\"4\"", "\"version\":4"), "got a number");
    }

    @Test
    void refusesANotificationWithoutGroupKeyOrAlerts() {
        assertRejected(ALERTMANAGER.replace("\"groupKey\"", "\"groupKeys\""), "groupKey: missing");
        assertRejected(
                ALERTMANAGER.replace("\"groupKey\":\"{}:{team=\\\"platform\\\"}\"", "\"groupKey\":\"\""),
                "groupKey: missing or empty");
        assertRejected("{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\"}", "alerts: must be a list");
        assertRejected("{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":[]}", "alerts: empty");
    }

    @Test
    void namesTheFieldOfAWrongTypedValue() {
        assertRejected(
                ALERTMANAGER.replace("\"severity\":\"warning\"", "\"severity\":5"),
                "alerts[1].labels.severity: must be a string, got a number");
        assertRejected(
                ALERTMANAGER.replace(
                        "\"annotations\":{\"summary\":\"Pod has been in a non-ready state for more than 15 minutes.\"}",
                        "\"annotations\":\"none\""),
                "alerts[1].annotations: must be an object of name: \"value\" strings, got a string");
        assertRejected(
                ALERTMANAGER.replace("\"truncatedAlerts\":2", "\"truncatedAlerts\":-1"),
                "truncatedAlerts: must be a whole number from 0, got a number");
        assertRejected(
                ALERTMANAGER.replace("\"status\":\"resolved\"", "\"status\":\"gone\""),
                "alerts[0].status: must be \"firing\" or \"resolved\"");
        assertRejected(
                ALERTMANAGER.replace("2026-11-28T11:39:51.792Z", "yesterday"),
                "alerts[0].endsAt: must be an RFC 3339 time");
        assertRejected("[1,2]", "body must be a JSON object");
    }

    @Test
    void refusesTextThatIsNotJsonWithWhere() {
        assertRejected("{\"version\":\"4\",", "body is not valid JSON at line 1");
        assertRejected(ALERTMANAGER + "{}", "body is not valid JSON");
        assertRejected("", "body is empty");
    }

    @Test
    void refusesAKeyGivenTwiceSoNoComponentSeesADifferentValue() {
        assertRejected(
                ALERTMANAGER.replace("\"severity\":\"warning\"", "\"severity\":\"warning\",\"severity\":\"none\""),
                "Duplicate field 'severity'");
    }

    @Test
    void refusesMoreAlertsLabelsOrCharactersThanTheLimits() {
        AlertLimits small = new AlertLimits(1 << 20, 8, 1, 4, 16, 40);
        assertRejected(ALERTMANAGER, small, "alerts: 2 alerts, more than the limit of 1; set max_alerts");
        AlertLimits fewLabels = new AlertLimits(1 << 20, 8, 10, 4, 16, 1000);
        assertRejected(ALERTMANAGER, fewLabels, "alerts[0].labels: 5 entries, more than the limit of 4");
        AlertLimits shortValues = new AlertLimits(1 << 20, 8, 10, 10, 16, 40);
        assertRejected(ALERTMANAGER, shortValues, "alerts[0].annotations.runbook_url: is 83 characters");
        AlertLimits shortNames = new AlertLimits(1 << 20, 8, 10, 10, 5, 1000);
        assertRejected(ALERTMANAGER, shortNames, "alerts[0].labels.alertname: name is 9 characters");
    }

    private static void assertRejected(String body, String reason) {
        assertRejected(body, AlertLimits.DEFAULTS, reason);
    }

    static void assertRejected(String body, AlertLimits limits, String reason) {
        assertThatThrownBy(() -> AlertPayloads.parse(body.getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOf(AlertPayloadException.class)
                .hasMessageContaining(reason);
    }

    static AlertNotification parse(String body) throws AlertPayloadException {
        return AlertPayloads.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
