package io.runbookbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.alert.AlertmanagerProcess;
import io.runbookbot.alert.PrometheusProcess;
import io.runbookbot.alert.TestAlertRules;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts through {@code serve} as a real process, posting to the fake Slack: notifications as the
 * real Alertmanager sent them (captured fixtures) and then from a real Alertmanager 0.25. One
 * message per group, edited on repeats with a thread line for what changed, resolved on resolve,
 * no second message after a restart; the right runbook section from {@code runbook_url}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertServeIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "alert-token-for-tests-0123456789";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static FakeSlack slack;
    private static ServedBot bot;

    @BeforeAll
    static void start() throws Exception {
        slack = FakeSlack.start();
        bot = ServedBot.start(data, env());
        slack.awaitSocketConnections(1, WAIT);
    }

    private static Map<String, String> env() throws Exception {
        Path routes = Files.writeString(data.resolve("routes.yaml"), """
                routes:
                  - name: platform
                    matchers: ['team="platform"']
                    slack_channel: C0PLATFORM
                default:
                  slack_channel: C0DEFAULT
                """);
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_APP_TOKEN", "xapp-test");
        env.put("RUNBOOK_BOT_SLACK_API_URL", slack.apiUrlPrefix());
        env.put(
                "RUNBOOK_BOT_RUNBOOKS",
                Path.of(System.getProperty("runbookbot.shared", "../shared"), "corpus", "prometheus-operator__runbooks")
                        .toAbsolutePath()
                        .toString());
        env.put("RUNBOOK_BOT_ALERT_ROUTES", routes.toString());
        env.put("RUNBOOK_BOT_ALERT_TOKEN", TOKEN);
        env.put("RUNBOOK_BOT_ALERT_STATE", data.resolve("alerts").toString());
        return env;
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @AfterEach
    void withinSlacksLimits() {
        SlackLimits.assertWithinLimits(slack);
    }

    /** Alertmanager, grouping by alert name with short waits, sending to the bot with the token in {@code tokenFile}. */
    private static String alertmanagerConfig(Path tokenFile) {
        return """
                route:
                  receiver: bot
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: bot
                    webhook_configs:
                      - url: 'http://127.0.0.1:%d/alertmanager'
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials_file: '%s'
                """.formatted(bot.httpPort(), tokenFile);
    }

    private static HttpResponse<String> post(String fixture, String token) throws Exception {
        byte[] body = AlertServeIT.class
                .getResourceAsStream("/alertmanager/" + fixture + ".json")
                .readAllBytes();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/alertmanager"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<RecordedRequest> topLevelPosts(String channel) {
        return slack.callsTo("chat.postMessage").stream()
                .filter(r -> r.param("channel").orElse("").equals(channel)
                        && r.param("thread_ts").isEmpty())
                .toList();
    }

    private static RecordedRequest awaitUpdate(String text) {
        return slack.awaitCall(
                "chat.update", r -> r.paramJson("blocks").toString().contains(text), WAIT);
    }

    @Test
    @Order(1)
    void aFiringGroupIsPostedOnceWithTheRunbookSectionItsUrlNames() throws Exception {
        assertThat(post("prometheus-firing", "wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> accepted = post("prometheus-firing", TOKEN);
        HttpResponse<String> retried = post("prometheus-firing", TOKEN); // Alertmanager's retry

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        RecordedRequest posted = slack.awaitCall(
                "chat.postMessage", r -> r.param("channel").orElse("").equals("C0PLATFORM"), WAIT);
        String blocks = posted.paramJson("blocks").toString();
        assertThat(blocks)
                .contains("FIRING 3")
                .contains("NodeFilesystemSpaceFillingUp")
                .contains("instance=10.0.3.7:9100");
        assertThat(blocks).contains("NodeFilesystemSpaceFillingUp.md");
        awaitUpdate("FIRING 3");
        assertThat(topLevelPosts("C0PLATFORM")).hasSize(1);
        assertThat(slack.callsTo("chat.postMessage"))
                .noneMatch(r -> r.param("channel").orElse("").equals("C0DEFAULT"));
    }

    @Test
    @Order(2)
    void aPartlyResolvedRepeatEditsTheMessageAndSaysWhatResolvedInItsThread() throws Exception {
        assertThat(post("prometheus-partially-resolved", TOKEN).statusCode()).isEqualTo(200);

        awaitUpdate("resolved 1");
        RecordedRequest line = slack.awaitCall(
                "chat.postMessage",
                r -> r.param("thread_ts").isPresent()
                        && r.param("text").orElse("").contains("Resolved:"),
                WAIT);
        assertThat(line.param("text").orElse("")).contains("instance=10.0.3.7:9100");
        assertThat(topLevelPosts("C0PLATFORM")).hasSize(1);
    }

    @Test
    @Order(3)
    void afterARestartTheResolveEditsTheSameMessageAndNoSecondOneIsPosted() throws Exception {
        bot.restart(data, env());
        slack.awaitSocketConnections(2, WAIT);

        assertThat(post("prometheus-resolved", TOKEN).statusCode()).isEqualTo(200);

        awaitUpdate("RESOLVED");
        slack.awaitCall("chat.postMessage", r -> r.param("text").orElse("").contains("All resolved."), WAIT);
        assertThat(topLevelPosts("C0PLATFORM")).hasSize(1);
        // the counter moves just after the thread line is sent: scrape until it has
        Pattern updated = Pattern.compile("runbookbot_alerts_updated_total [1-9]");
        String metrics = "";
        for (Instant until = Instant.now().plus(WAIT); Instant.now().isBefore(until); Thread.sleep(100)) {
            metrics = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (updated.matcher(metrics).find()) {
                break;
            }
        }
        // at least this edit; a notification the killed process had not taken off its journal is replayed as an edit
        assertThat(metrics).contains("runbookbot_alerts_received_total 1.0").containsPattern(updated);
    }

    @Test
    @Order(4)
    void aRealAlertmanagerPostsItsGroupThroughTheBotAndItsResolveTurnsTheMessageResolved(@TempDir Path am)
            throws Exception {
        Files.writeString(am.resolve("token"), TOKEN);
        String config = alertmanagerConfig(am.resolve("token"));
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(am, config)) {
            String alert = """
                    [{"labels": {"alertname": "KubePodCrashLooping", "namespace": "payments", "pod": "api-7", "team": "payments"},
                      "annotations": {"runbook_url": "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping",
                                      "summary": "Pod is crash looping."},
                      "endsAt": "%s"}]""";
            alertmanager.postAlerts(alert.formatted(Instant.now().plusSeconds(3600)));

            RecordedRequest posted = slack.awaitCall(
                    "chat.postMessage", r -> r.paramJson("blocks").toString().contains("KubePodCrashLooping"), WAIT);
            assertThat(posted.param("channel")).contains("C0DEFAULT");
            assertThat(posted.paramJson("blocks").toString())
                    .contains("KubePodCrashLooping.md")
                    .contains("pod=api-7");

            alertmanager.postAlerts(alert.formatted(Instant.now().minusSeconds(1)));

            awaitUpdate("RESOLVED · KubePodCrashLooping");
            assertThat(topLevelPosts("C0DEFAULT")).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void prometheusRulesFireThroughAlertmanagerIntoTheirRunbooksAndResolve(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), TOKEN);
        String config = alertmanagerConfig(dir.resolve("token"));
        Path amDir = Files.createDirectories(dir.resolve("am"));
        Path promDir = Files.createDirectories(dir.resolve("prom"));
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(amDir, config);
                PrometheusProcess prometheus =
                        PrometheusProcess.start(promDir, alertmanager.hostPort(), TestAlertRules.yaml(Set.of()))) {
            Duration firing = Duration.ofSeconds(60);
            for (String[] alert : new String[][] {
                {TestAlertRules.POD_NOT_READY, "KubePodNotReady.md"},
                {TestAlertRules.FILESYSTEM_FILLING_UP, "NodeFilesystemSpaceFillingUp.md"}
            }) {
                RecordedRequest posted = slack.awaitCall(
                        "chat.postMessage",
                        r -> r.param("thread_ts").isEmpty()
                                && r.param("text").orElse("").equals("FIRING 1 · " + alert[0]),
                        firing);
                assertThat(posted.param("channel")).contains("C0PLATFORM");
                assertThat(posted.paramJson("blocks").toString()).contains(alert[1]);
            }

            prometheus.rules(TestAlertRules.yaml(Set.of(TestAlertRules.POD_NOT_READY)));

            awaitUpdate("RESOLVED · " + TestAlertRules.POD_NOT_READY);
            assertThat(topLevelPosts("C0PLATFORM").stream()
                            .filter(r -> r.param("text").orElse("").endsWith("· " + TestAlertRules.POD_NOT_READY)))
                    .hasSize(1);
        }
    }
}
