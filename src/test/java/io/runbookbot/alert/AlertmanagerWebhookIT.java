package io.runbookbot.alert;

import static io.runbookbot.alert.TestAlertRules.FILESYSTEM_FILLING_UP;
import static io.runbookbot.alert.TestAlertRules.OPERATOR_DOWN;
import static io.runbookbot.alert.TestAlertRules.POD_NOT_READY;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.alert.WebhookReceiver.Delivery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Alertmanager 0.25 and Prometheus 2.42 deliver webhooks to a receiver authenticated as the
 * README's receiver configuration says (bearer token from a file; basic auth with a password file):
 * a firing group, its repeat, partly resolved, all resolved; through Prometheus rules and through
 * Alertmanager's v2 API. Each verified body is kept under target/alertmanager-captured/; with
 * {@code -Drunbookbot.recapture=true} also as the fixtures in src/test/resources/alertmanager/.
 * Fails, never skips, when the programs are missing. The Prometheus rules fire about 7 s after the
 * start (Prometheus finds its Alertmanager after 5 s): the Alertmanager-only tests run first,
 * meanwhile, and the 401 test's 4 s of watching began in {@link #start}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertmanagerWebhookIT {
    static final String TOKEN = "it-bearer-7f3c9a1e";
    static final String PASSWORD = "it-basic-b41d";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path FIXTURES = Path.of("src/test/resources/alertmanager");
    static final Path CAPTURED = Path.of("target/alertmanager-captured");

    @TempDir
    static Path dir;

    static WebhookReceiver receiver;
    static AlertmanagerProcess alertmanager;
    static PrometheusProcess prometheus;
    static long started;
    /** When the alert for the {@code denied} receiver was posted (in {@link #start}, so its 4 s overlap the rest). */
    static long deniedPosted;

    @BeforeAll
    static void start() throws Exception {
        started = System.nanoTime();
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("alertmanager:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        receiver = new WebhookReceiver(Map.of(
                "/bearer", "Bearer " + TOKEN,
                "/truncated", "Bearer " + TOKEN,
                "/basic", basic,
                "/flaky", "Bearer " + TOKEN,
                "/denied", "Bearer " + TOKEN));
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Files.writeString(dir.resolve("password"), PASSWORD);
        alertmanager = AlertmanagerProcess.start(dir, config());
        prometheus = PrometheusProcess.start(dir, alertmanager.hostPort(), TestAlertRules.yaml());
        Files.createDirectories(CAPTURED);
        print("started Alertmanager and Prometheus");
        alertmanager.postAlerts("["
                + apiAlert("KubeJobFailed", "batch/denied", Instant.now().toString(), null)
                        .replace("\"team\":\"api\"", "\"team\":\"denied\"")
                + "]");
        deniedPosted = System.nanoTime();
    }

    /** src/test/resources/alertmanager/alertmanager-it.yml with this run's receiver and folder. */
    private static String config() throws java.io.IOException {
        try (java.io.InputStream in =
                AlertmanagerWebhookIT.class.getResourceAsStream("/alertmanager/alertmanager-it.yml")) {
            assertThat(in).as("alertmanager-it.yml").isNotNull();
            String base = receiver.url("").toString();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{receiver}}", base)
                    .replace("{{dir}}", dir.toString());
        }
    }

    @AfterAll
    static void stop() {
        try (WebhookReceiver r = receiver;
                AlertmanagerProcess a = alertmanager;
                PrometheusProcess p = prometheus) {
            print("stopping");
        }
    }

    @Test
    @Order(3)
    void prometheusRulesFireRepeatResolvePartlyAndResolveAsOneGroup() throws Exception {
        Delivery firing = receiver.next("/bearer", d -> d.count("firing") == 3, WAIT, "firing");
        print("firing");
        assertThat(firing.status()).isEqualTo("firing");
        assertThat(firing.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(firing.userAgent()).startsWith("Alertmanager/0.25");
        assertThat(firing.json().path("version").asText()).isEqualTo("4");
        assertThat(firing.json().path("receiver").asText()).isEqualTo("bearer");
        assertThat(firing.json().path("groupKey").asText()).isEqualTo("{}:{team=\"platform\"}");
        assertThat(firing.json().path("groupLabels").toString()).isEqualTo("{\"team\":\"platform\"}");
        assertThat(names(firing)).containsExactlyInAnyOrder(OPERATOR_DOWN, POD_NOT_READY, FILESYSTEM_FILLING_UP);
        firing.json().path("alerts").forEach(a -> {
            assertThat(a.path("annotations").path("runbook_url").asText()).startsWith("https://");
            assertThat(a.path("generatorURL").asText())
                    .startsWith(prometheus.base().toString());
            assertThat(a.path("fingerprint").asText()).hasSize(16);
        });
        keep("prometheus-firing", firing);
        Delivery truncated = receiver.next("/truncated", d -> d.count("firing") == 2, WAIT, "truncated");
        assertThat(truncated.json().path("truncatedAlerts").asInt()).isEqualTo(1);
        assertThat(truncated.json().path("groupKey")).isEqualTo(firing.json().path("groupKey"));
        keep("prometheus-firing-truncated", truncated);

        Delivery repeat = receiver.next("/bearer", d -> true, WAIT, "repeat");
        print("repeat");
        assertThat(fingerprints(repeat, "firing")).isEqualTo(fingerprints(firing, "firing"));
        assertThat(repeat.count("resolved")).isZero();
        assertThat(Duration.ofNanos(repeat.nanos() - firing.nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        keep("prometheus-repeat", repeat);

        prometheus.resolve(Set.of(FILESYSTEM_FILLING_UP));
        Delivery partly = receiver.next("/bearer", d -> d.count("resolved") > 0, WAIT, "partly resolved");
        print("partly resolved");
        assertThat(partly.status()).isEqualTo("firing");
        assertThat(partly.count("firing")).isEqualTo(2);
        assertThat(names(partly, "resolved")).containsExactly(FILESYSTEM_FILLING_UP);
        assertThat(partly.json().path("groupKey")).isEqualTo(firing.json().path("groupKey"));
        keep("prometheus-partially-resolved", partly);

        prometheus.resolve(Set.of(FILESYSTEM_FILLING_UP, POD_NOT_READY, OPERATOR_DOWN));
        Delivery resolved = receiver.next("/bearer", d -> d.status().equals("resolved"), WAIT, "resolved");
        print("all resolved");
        assertThat(resolved.count("firing")).isZero();
        // The two may resolve one evaluation apart: Alertmanager then notifies the first in a
        // notification that is still "firing" and drops it from the group once it was sent.
        List<Delivery> bearer = receiver.all("/bearer");
        Set<String> resolvedSincePartly = new TreeSet<>();
        bearer.subList(bearer.indexOf(partly) + 1, bearer.indexOf(resolved) + 1)
                .forEach(d -> resolvedSincePartly.addAll(names(d, "resolved")));
        assertThat(resolvedSincePartly).contains(POD_NOT_READY, OPERATOR_DOWN);
        resolved.json()
                .path("alerts")
                .forEach(a -> assertThat(Instant.parse(a.path("endsAt").asText()))
                        .isAfter(Instant.parse(a.path("startsAt").asText())));
        keep("prometheus-resolved", resolved);
    }

    @Test
    @Order(2)
    void alertsPostedAndExpiredThroughTheApiReachTheBasicAuthReceiver() throws Exception {
        String now = Instant.now().toString();
        alertmanager.postAlerts("[" + apiAlert("KubeJobFailed", "batch/nightly-report", now, null) + ","
                + apiAlert("PrometheusRuleFailures", "monitoring/prometheus-k8s-0", now, null) + "]");
        Delivery firing = receiver.next("/basic", d -> d.count("firing") == 2, WAIT, "API firing");
        print("API firing");
        assertThat(firing.authorization()).startsWith("Basic ");
        assertThat(firing.json().path("groupKey").asText()).isEqualTo("{}/{team=\"api\"}:{team=\"api\"}");
        keep("api-firing", firing);

        alertmanager.postAlerts("["
                + apiAlert(
                        "KubeJobFailed",
                        "batch/nightly-report",
                        now,
                        Instant.now().toString()) + "]");
        Delivery partly = receiver.next("/basic", d -> d.count("resolved") == 1, WAIT, "API partly resolved");
        print("API partly resolved");
        assertThat(partly.status()).isEqualTo("firing");
        assertThat(names(partly, "resolved")).containsExactly("KubeJobFailed");
        keep("api-partially-resolved", partly);

        alertmanager.postAlerts("["
                + apiAlert(
                        "PrometheusRuleFailures",
                        "monitoring/prometheus-k8s-0",
                        now,
                        Instant.now().toString()) + "]");
        Delivery resolved = receiver.next("/basic", d -> d.status().equals("resolved"), WAIT, "API resolved");
        print("API all resolved");
        // Alertmanager forgets resolved alerts once notified: the last notification names only the rest
        assertThat(names(resolved, "resolved")).containsExactly("PrometheusRuleFailures");
        keep("api-resolved", resolved);
    }

    /** Why the bot may answer 503 when it cannot queue a notification durably: Alertmanager sends it again. */
    @Test
    @Order(1)
    void aNotificationAnswered503IsSentAgainUntilAccepted() throws Exception {
        receiver.failNext("/flaky", 2);
        alertmanager.postAlerts("["
                + apiAlert("KubeJobFailed", "batch/backup", Instant.now().toString(), null)
                        .replace("\"team\":\"api\"", "\"team\":\"flaky\"")
                + "]");
        Delivery accepted = receiver.next("/flaky", d -> true, WAIT, "retried");
        print("accepted after two 503");
        List<Delivery> refused = receiver.refused("/flaky");
        assertThat(refused).hasSize(2);
        refused.forEach(r -> assertThat(r.json()).isEqualTo(accepted.json()));
        System.out.printf(
                "alertmanager IT: first 503 to accepted retry: %d ms%n",
                Duration.ofNanos(accepted.nanos() - refused.get(0).nanos()).toMillis());
    }

    /**
     * Why a 401 (or 400) is final for that attempt: Alertmanager does not retry a 4xx at once, only at
     * the group's next flush (group_interval, 5 min by default), and logs it.
     */
    @Test
    @Order(4)
    void aNotificationAnswered401IsNotRetriedUntilTheNextFlush() throws Exception {
        long window = deniedPosted + Duration.ofSeconds(4).toNanos();
        Thread.sleep(Math.max(0, Duration.ofNanos(window - System.nanoTime()).toMillis()));
        List<Delivery> attempts = receiver.refused("/denied").stream()
                .filter(d -> d.nanos() < window)
                .toList();
        print("401 attempts: " + attempts.size());
        assertThat(attempts).hasSizeBetween(1, 4);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.ofNanos(
                            attempts.get(i).nanos() - attempts.get(i - 1).nanos()))
                    .isGreaterThan(Duration.ofMillis(500));
        }
        assertThat(attempts.get(0).authorization()).isEqualTo("Bearer wrong-token");
        assertThat(receiver.all("/denied")).isEmpty();
    }

    private static String apiAlert(String name, String where, String startsAt, String endsAt) {
        String[] parts = where.split("/");
        return """
                {"labels":{"alertname":"%s","team":"api","severity":"warning","namespace":"%s","pod":"%s"},\
                "annotations":{"summary":"%s is firing","runbook_url":"https://github.com/openshift/runbooks/\
                blob/master/alerts/cluster-monitoring-operator/%s.md"},"startsAt":"%s",%s\
                "generatorURL":"http://prometheus.example:9090/graph"}""".formatted(
                name, parts[0], parts[1], name, name, startsAt, endsAt == null ? "" : "\"endsAt\":\"" + endsAt + "\",");
    }

    private static List<String> names(Delivery d) {
        return names(d, "firing");
    }

    private static List<String> names(Delivery d, String status) {
        List<String> names = new ArrayList<>();
        d.json().path("alerts").forEach(a -> {
            if (a.path("status").asText().equals(status)) {
                names.add(a.path("labels").path("alertname").asText());
            }
        });
        return names;
    }

    private static Set<String> fingerprints(Delivery d, String status) {
        Set<String> out = new TreeSet<>();
        d.json().path("alerts").forEach(a -> {
            if (a.path("status").asText().equals(status)) {
                out.add(a.path("fingerprint").asText());
            }
        });
        return out;
    }

    private static void keep(String name, Delivery d) throws Exception {
        Files.write(CAPTURED.resolve(name + ".json"), d.body());
        if (Boolean.getBoolean("runbookbot.recapture")) {
            Files.write(FIXTURES.resolve(name + ".json"), d.body());
        }
    }

    private static void print(String what) {
        System.out.printf("alertmanager IT: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }
}
