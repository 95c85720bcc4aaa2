package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRoutesTest {
    private static final String FILE = """
            routes:
              - name: payments
                matchers:
                  - namespace="payments"
                  - severity=~"critical|warning"
                slack_channel: C0PAYMENTS
                agent: payments-agent
                continue: true
              - name: critical
                matchers: ['severity="critical"']
                discord_channel: 123456789012345678
              - name: platform
                matchers: [team="platform"]
                slack_channel: C0PLATFORM
                discord_channel: "223456789012345678"
            default:
              slack_channel: C0INCIDENTS
            """;

    private final AlertRoutes routes = AlertRoutes.parse(FILE, "routes.yaml");

    @Test
    void readsEveryFieldOfARoute() {
        AlertRoute payments = routes.routes().get(0);

        assertThat(payments.name()).isEqualTo("payments");
        assertThat(payments.matchers())
                .extracting(LabelMatcher::toString)
                .containsExactly("namespace=\"payments\"", "severity=~\"critical|warning\"");
        assertThat(payments.slackChannel()).contains("C0PAYMENTS");
        assertThat(payments.discordChannel()).isEmpty();
        assertThat(payments.agent()).contains("payments-agent");
        assertThat(payments.continueMatching()).isTrue();
        assertThat(routes.routes().get(1).discordChannel())
                .as("a bare YAML number")
                .contains("123456789012345678");
        assertThat(routes.defaultRoute().name()).isEqualTo("default");
        assertThat(routes.defaultRoute().slackChannel()).contains("C0INCIDENTS");
    }

    @Test
    void theFirstMatchWinsUnlessItSaysContinue() {
        assertThat(names(Map.of("namespace", "payments", "severity", "critical", "team", "platform")))
                .containsExactly("payments", "critical");
        assertThat(names(Map.of("namespace", "payments", "severity", "info", "team", "platform")))
                .containsExactly("platform");
        assertThat(names(Map.of("severity", "critical", "team", "platform"))).containsExactly("critical");
    }

    @Test
    void whatNoRouteMatchesGoesToTheDefault() {
        assertThat(names(Map.of("severity", "info"))).containsExactly("default");
        assertThat(names(Map.of())).containsExactly("default");
    }

    @Test
    void aNotificationIsRoutedByItsCommonLabels() throws Exception {
        AlertNotification n = AlertPayloadsTest.parse(AlertPayloadsTest.ALERTMANAGER);

        assertThat(routes.select(n)).extracting(AlertRoute::name).containsExactly("platform");
    }

    @Test
    void loadsFromAFileNamedInItsMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, FILE.replace("C0PLATFORM", "platform"));

        assertThatThrownBy(() -> AlertRoutes.load(file))
                .isInstanceOf(AlertRouteException.class)
                .hasMessage(file + ": routes[2] (platform): slack_channel: 'platform' is not a Slack channel id "
                        + "such as C0123ABCD");
        assertThatThrownBy(() -> AlertRoutes.load(dir.resolve("missing.yaml")))
                .hasMessageStartingWith(dir.resolve("missing.yaml") + ": cannot read the route file");
    }

    @Test
    void validationNamesTheRouteAndTheField() {
        assertRefused(
                FILE.replace("  - severity=~\"critical|warning\"", "  - severity=~\"(?=x)\""),
                "routes.yaml: routes[0] (payments): matchers[1]: not an RE2 regular expression");
        assertRefused(
                FILE.replace("continue: true", "continue: yes please"),
                "routes.yaml: routes[0] (payments): continue: must be true or false, got a string");
        assertRefused(
                FILE.replace("    discord_channel: 123456789012345678\n", ""),
                "routes.yaml: routes[1] (critical): slack_channel: missing, and so is discord_channel");
        assertRefused(
                FILE.replace("agent: payments-agent", "agent: Payments Agent!"),
                "routes.yaml: routes[0] (payments): agent: 'Payments Agent!' is not an agent name");
        assertRefused(
                FILE.replace("matchers: ['severity=\"critical\"']", "matchers: {severity: critical}"),
                "routes.yaml: routes[1] (critical): matchers: must be a list of matchers");
        assertRefused(
                FILE.replace("matchers: [team=\"platform\"]", "matchers: [3]"),
                "routes.yaml: routes[2] (platform): matchers[0]: must be a string");
        assertRefused(
                FILE.replace("name: critical", "name: payments"),
                "routes.yaml: routes[1] (payments): name: duplicate of routes[0]");
        assertRefused(
                FILE.replace("  - name: critical\n", "  - slack_channel: C0X\n"),
                "routes.yaml: routes[1]: name: missing");
        assertRefused(
                FILE.replace("slack_channel: C0PAYMENTS", "slack_chanel: C0PAYMENTS"),
                "routes.yaml: routes[0]: 'slack_chanel': unknown key (known: agent, continue, discord_channel, "
                        + "matchers, name, slack_channel)");
    }

    @Test
    void theDefaultIsRequiredAndTakesOnlyChannelsAndAgent() {
        assertRefused(
                FILE.substring(0, FILE.indexOf("default:")),
                "routes.yaml: default: missing; the default route takes every alert no route matched");
        assertRefused(
                FILE.replace("default:\n", "default:\n  matchers: [a=\"b\"]\n"),
                "routes.yaml: default: 'matchers': unknown key (known: agent, discord_channel, slack_channel)");
        assertRefused(
                FILE.replace("  slack_channel: C0INCIDENTS\n", "  agent: x\n"),
                "routes.yaml: default: slack_channel: missing, and so is discord_channel");
    }

    @Test
    void aCatchAllRouteBeforeOthersIsRefusedAsItHidesThem() {
        assertRefused(
                FILE.replace("    matchers: ['severity=\"critical\"']\n", ""),
                "routes.yaml: routes[1] (critical): matchers: none, so this route takes every alert and the routes "
                        + "after it are never reached");
    }

    @Test
    void refusesFilesThatAreNotARouteMapping() {
        assertRefused("", "routes.yaml: must be a mapping with routes and default, got an empty file");
        assertRefused("- a\n- b\n", "routes.yaml: must be a mapping with routes and default, got a list");
        assertRefused("routes: [\n", "routes.yaml: not valid YAML (line");
        assertRefused("routes: x\ndefault: {slack_channel: C1}\n", "routes.yaml: routes: must be a list of routes");
        assertRefused(FILE + "default:\n  slack_channel: C2\n", "routes.yaml: not valid YAML");
    }

    @Test
    void anEmptyRouteListSendsEverythingToTheDefault() {
        AlertRoutes only = AlertRoutes.parse("default: {discord_channel: '42'}\n", "test");

        assertThat(only.select(Map.of("severity", "critical"))).containsExactly(only.defaultRoute());
        assertThat(only.defaultRoute().discordChannel()).contains("42");
    }

    private List<String> names(Map<String, String> labels) {
        return routes.select(labels).stream().map(AlertRoute::name).toList();
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> AlertRoutes.parse(yaml, "routes.yaml"))
                .isInstanceOf(AlertRouteException.class)
                .hasMessageStartingWith(message);
    }
}
