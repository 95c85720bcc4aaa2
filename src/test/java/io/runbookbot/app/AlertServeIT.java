package io.runbookbot.app;

import static io.runbookbot.alert.TestAlertRules.FILESYSTEM_FILLING_UP;
import static io.runbookbot.alert.TestAlertRules.OPERATOR_DOWN;
import static io.runbookbot.alert.TestAlertRules.POD_NOT_READY;
import static io.runbookbot.app.AlertStack.ONCALL;
import static io.runbookbot.app.AlertStack.TOKEN;
import static io.runbookbot.app.AlertStack.WAIT;
import static io.runbookbot.app.DiscordAlertMessages.FIRING;
import static io.runbookbot.app.DiscordAlertMessages.RESOLVED;
import static io.runbookbot.app.DiscordAlertMessages.id;
import static io.runbookbot.app.DiscordAlertMessages.text;
import static io.runbookbot.fakes.FakeDiscord.buttonId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.DiscordEvents;
import io.runbookbot.fakes.DiscordLimits;
import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.GatewayEvent;
import io.runbookbot.fakes.RecordedRequest;
import io.runbookbot.fakes.SlackLimits;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Alerts through {@code serve} as a real process ({@link AlertStack}: one serve, one Alertmanager
 * 0.25, one Prometheus 2.42, one agent for the class), posting to the fake Slack and the fake
 * Discord: notifications as the real Alertmanager sent them (captured fixtures), from Alertmanager's
 * API and from Prometheus rules. One message per group and platform with the runbook section its
 * {@code runbook_url} names, edited on repeats with a thread line or reply for what changed,
 * resolved on resolve, no second message after a restart; a Discord alert's prefilled checks run on
 * the agent with the usual permissions, confirmation and audit. Every message is checked against
 * Slack's and Discord's limits after each test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertServeIT {
    private static final String CRASH_LOOP = """
            {"alertname": "KubePodCrashLooping", "namespace": "payments", "pod": "%s", "team": "payments"}""";
    private static final String CRASH_LOOP_RUNBOOK = """
            {"runbook_url": "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping",
             "summary": "Pod is crash looping."}""";

    @TempDir
    static Path data;

    private static AlertStack stack;
    private static FakeSlack slack;
    private static FakeDiscord discord;
    private static SlackAlertMessages platform;

    @BeforeAll
    static void start() throws Exception {
        stack = AlertStack.start(data);
        slack = stack.slack;
        discord = stack.discord;
        platform = new SlackAlertMessages(slack, "C0PLATFORM", WAIT);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void withinSlacksAndDiscordsLimits() {
        SlackLimits.assertWithinLimits(slack);
        DiscordLimits.assertWithinLimits(discord);
    }

    @Test
    @Order(1)
    void aFiringGroupIsPostedOnceWithTheRunbookSectionItsUrlNames() throws Exception {
        assertThat(stack.postFixture("prometheus-firing", "wrong-token").statusCode())
                .isEqualTo(401);
        HttpResponse<String> accepted = stack.postFixture("prometheus-firing", TOKEN);
        HttpResponse<String> retried = stack.postFixture("prometheus-firing", TOKEN); // Alertmanager's retry

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
        platform.awaitUpdate("FIRING 3");
        assertThat(platform.posts()).hasSize(1);
        assertThat(slack.callsTo("chat.postMessage"))
                .noneMatch(r -> r.param("channel").orElse("").equals("C0DEFAULT"));
    }

    @Test
    @Order(2)
    void aPartlyResolvedRepeatEditsTheMessageAndSaysWhatResolvedInItsThread() throws Exception {
        assertThat(stack.postFixture("prometheus-partially-resolved", TOKEN).statusCode())
                .isEqualTo(200);

        platform.awaitUpdate("resolved 1");
        RecordedRequest line = platform.awaitThreadLine("Resolved:");
        assertThat(line.param("text").orElse("")).contains("instance=10.0.3.7:9100");
        assertThat(platform.posts()).hasSize(1);
    }

    @Test
    @Order(3)
    void prometheusRulesFireThroughAlertmanagerIntoTheirRunbooksOnSlackAndDiscordAndResolve() throws Exception {
        DiscordAlertMessages alerts =
                new DiscordAlertMessages(discord, DiscordEvents.ALERTS_CHANNEL_ID, AlertStack.PROMETHEUS_WAIT);
        String[][] rules = {
            {POD_NOT_READY, "KubePodNotReady.md"},
            {FILESYSTEM_FILLING_UP, "NodeFilesystemSpaceFillingUp.md"},
            {OPERATOR_DOWN, "No runbook covers this alert."}
        };
        SlackAlertMessages prom = new SlackAlertMessages(slack, "C0PROM", AlertStack.PROMETHEUS_WAIT);
        for (String[] rule : rules) {
            assertThat(prom.awaitPost("FIRING 1 · " + rule[0])
                            .paramJson("blocks")
                            .toString())
                    .contains(rule[1]);
            assertThat(text(alerts.awaitPost(FIRING + "1 · " + rule[0]))).contains(rule[1]);
        }

        stack.prometheus().resolve(Set.of(POD_NOT_READY, FILESYSTEM_FILLING_UP, OPERATOR_DOWN));

        for (String[] rule : rules) {
            prom.awaitUpdate("RESOLVED · " + rule[0]);
            String id = id(alerts.awaitEdit(RESOLVED + rule[0]));
            alerts.awaitReply(id, "All resolved.");
            assertThat(prom.posts(rule[0])).hasSize(1);
            assertThat(alerts.posts(rule[0])).hasSize(1);
        }
    }

    @Test
    @Order(4)
    void anAlertmanagerGroupIsOneMessagePerPlatformEditedOnRepeatsJoinsAndResolves() throws Exception {
        DiscordAlertMessages incidents = new DiscordAlertMessages(discord, DiscordEvents.CHANNEL_ID, WAIT);
        SlackAlertMessages payments = new SlackAlertMessages(slack, "C0PAYMENTS", WAIT);
        String crashLoop = "KubePodCrashLooping";
        stack.alert(
                CRASH_LOOP.formatted("api-7"), CRASH_LOOP_RUNBOOK, Instant.now().plusSeconds(3600));

        RecordedRequest posted = slack.awaitCall(
                "chat.postMessage", r -> r.paramJson("blocks").toString().contains(crashLoop), WAIT);
        assertThat(posted.param("channel")).contains("C0PAYMENTS");
        assertThat(posted.paramJson("blocks").toString())
                .contains("KubePodCrashLooping.md")
                .contains("pod=api-7");
        RecordedRequest onDiscord = incidents.awaitPost(FIRING + "1 · " + crashLoop);
        assertThat(text(onDiscord))
                .contains("pod=api-7")
                .contains("KubePodCrashLooping › Diagnosis")
                .contains("KubePodCrashLooping.md");
        // Alertmanager's repeat (repeat_interval 1s here) edits the message and says nothing under it
        String id = id(incidents.awaitEdit(FIRING + "1 · " + crashLoop));
        assertThat(incidents.replies(id)).isEmpty();

        stack.alert(
                CRASH_LOOP.formatted("api-8"), CRASH_LOOP_RUNBOOK, Instant.now().plusSeconds(3600));

        assertThat(id(incidents.awaitEdit(FIRING + "2 · " + crashLoop))).isEqualTo(id);
        assertThat(incidents
                        .awaitReply(id, "Now firing:")
                        .json()
                        .path("content")
                        .asText())
                .contains("api-8");
        payments.awaitThreadLine("Now firing:");

        stack.alert(
                CRASH_LOOP.formatted("api-7"), CRASH_LOOP_RUNBOOK, Instant.now().minusSeconds(1));

        assertThat(incidents.awaitReply(id, "Resolved:").json().path("content").asText())
                .contains("api-7");
        payments.awaitThreadLine("Resolved:");

        stack.alert(
                CRASH_LOOP.formatted("api-8"), CRASH_LOOP_RUNBOOK, Instant.now().minusSeconds(1));

        payments.awaitUpdate("RESOLVED · " + crashLoop);
        assertThat(id(incidents.awaitEdit(RESOLVED + crashLoop))).isEqualTo(id);
        incidents.awaitReply(id, "All resolved.");
        payments.awaitThreadLine("All resolved.");
        assertThat(payments.posts()).hasSize(1);
        assertThat(incidents.posts(crashLoop)).hasSize(1);
        assertThat(incidents.replies(id)).hasSize(3);
    }

    @Test
    @Order(5)
    void aDiscordAlertsPrefilledChecksRunOnTheAgentWithTheUsualPermissionsConfirmationAndAudit() throws Exception {
        DiscordAlertMessages incidents = new DiscordAlertMessages(discord, DiscordEvents.CHANNEL_ID, WAIT);
        stack.alert(
                "{\"alertname\": \"KubeAPIDown\", \"namespace\": \"payments\", \"team\": \"payments\"}",
                "{\"runbook_url\": \"https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubeapidown\"}",
                Instant.now().plusSeconds(3600));
        RecordedRequest alert = incidents.awaitPost(FIRING + "1 · KubeAPIDown");
        assertThat(text(alert)).contains("KubeAPIDown › Diagnosis").contains("kubectl -n kube-system get pods");
        int agentLines = stack.lines("agent-audit.jsonl");

        GatewayEvent pods = discord.dispatch(
                discord.events().button(buttonId(alert, "Run namespace-pods"), (ObjectNode) alert.json()));

        assertThat(discord.awaitFollowUp(pods, WAIT).json().path("content").asText())
                .startsWith("`namespace-pods` on `local`: exit code 0, ")
                .contains("pods in payments");
        assertThat(stack.lines("agent-audit.jsonl")).isGreaterThan(agentLines);
        String logs = buttonId(alert, "Run namespace-logs");
        int beforeDenied = stack.lines("agent-audit.jsonl");

        GatewayEvent denied = discord.dispatch(discord.events().button(logs, (ObjectNode) alert.json()));

        assertThat(discord.awaitFollowUp(denied, WAIT).json().path("content").asText())
                .contains("not allowed to run namespace-logs");
        assertThat(stack.lastLine("bot-audit.jsonl")).contains("\"decision\":\"denied\"");
        assertThat(stack.lines("agent-audit.jsonl")).isEqualTo(beforeDenied);

        GatewayEvent asks = discord.dispatch(discord.events().button(logs, (ObjectNode) alert.json(), ONCALL));
        RecordedRequest asked = discord.awaitFollowUp(asks, WAIT);
        assertThat(asked.json().path("content").asText())
                .contains("only the person who asked can confirm it, within 5 minutes");
        assertThat(stack.lines("agent-audit.jsonl")).isEqualTo(beforeDenied);
        GatewayEvent confirm = discord.pushButton(buttonId(asked, "Confirm"), ONCALL);

        assertThat(discord.awaitFollowUp(confirm, WAIT).json().path("content").asText())
                .startsWith("`namespace-logs` on `local`: exit code 0, ")
                .contains("logs of component=kube-apiserver in payments");
        assertThat(stack.lines("agent-audit.jsonl")).isGreaterThan(beforeDenied);
    }

    @Test
    @Order(6)
    void aGroupOfFortyLongAlertsIsOneMessageWithinSlacksAndDiscordsLimitsAndMentionsNobody() throws Exception {
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            alerts.add("""
                    {"alertname": "KubeJobFailed", "team": "payments", "namespace": "batch",
                     "job_name": "report-%d-%s", "pod": "@everyone <@&%s> **%s**"}""".formatted(i, "x".repeat(900), ONCALL, "y".repeat(900)));
        }
        stack.alerts(alerts, """
                {"runbook_url": "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubejobfailed",
                 "summary": "%s"}""".formatted("z".repeat(4000)), Instant.now().plusSeconds(3600));

        DiscordAlertMessages incidents = new DiscordAlertMessages(discord, DiscordEvents.CHANNEL_ID, WAIT);
        // Alertmanager may send the 40 in two notifications: the group's one message then says 40
        RecordedRequest onDiscord = incidents.awaitPostOrEdit(FIRING + "40 · KubeJobFailed");
        assertThat(text(onDiscord)).contains("KubeJobFailed.md").containsPattern("\\*and \\d+ more\\*");
        // labels show in code spans, where Discord shows mentions as written; and the message may ping no one
        assertThat(text(onDiscord).replaceAll("`[^`]*`", ""))
                .doesNotContain("@everyone")
                .doesNotContain("<@");
        assertThat(incidents.posts("KubeJobFailed"))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.json().at("/allowed_mentions/parse").toString())
                                .isEqualTo("[]"));
        SlackAlertMessages payments = new SlackAlertMessages(slack, "C0PAYMENTS", WAIT);
        payments.awaitPostOrUpdate("FIRING 40 · KubeJobFailed");
        assertThat(payments.posts("KubeJobFailed")).hasSize(1);
        // and within both platforms' limits: the check after each test
    }

    @Test
    @Order(7)
    void afterARestartTheResolveEditsTheSameMessageAndNoSecondOneIsPosted() throws Exception {
        stack.restartBot();
        slack.awaitSocketConnections(2, WAIT);

        assertThat(stack.postFixture("prometheus-resolved", TOKEN).statusCode()).isEqualTo(200);

        platform.awaitUpdate("RESOLVED");
        platform.awaitThreadLine("All resolved.");
        assertThat(platform.posts()).hasSize(1);
        Pattern updated = Pattern.compile("runbookbot_alerts_updated_total [1-9]");
        String metrics = stack.awaitMetrics(updated); // the counter moves just after the thread line is sent
        // at least this edit; a notification the killed process had not taken off its journal is replayed as an edit
        assertThat(metrics).contains("runbookbot_alerts_received_total 1.0").containsPattern(updated);
    }
}
