package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Allowlist;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.IndexedRunbooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The checks of an alert's section (found through a real runbook folder) with values from its labels. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertChecksTest {
    private static final String ALLOWLIST = """
            version: 1
            commands:
              - id: disk-usage
                description: Free and used space
                argv: [df, -h]
                read_only: true
                recognizes: ["df -h"]
              - id: postgres-ready
                description: Whether PostgreSQL accepts connections
                argv: [pg_isready, -h, "{host}", -p, "{port}"]
                params:
                  host: {type: pattern, pattern: "[A-Za-z0-9][A-Za-z0-9.-]{0,252}", max_length: 253}
                  port: {type: integer, min: 1, max: 65535}
                read_only: true
                recognizes: ["pg_isready -h {host} -p {port}"]
              - id: pod-logs
                description: The logs of a pod
                argv: [kubectl, logs, -n, "{namespace}", "{pod}"]
                params:
                  namespace: {type: pattern, pattern: "[a-z0-9][a-z0-9-]{0,62}", max_length: 63}
                  pod: {type: pattern, pattern: "[a-z0-9][a-z0-9.-]{0,252}", max_length: 253}
                read_only: true
                recognizes: ["kubectl logs -n {namespace} {pod}"]
            """;

    private IndexedRunbooks indexed;
    private RunbookSection diagnosis;
    private AlertChecks checks;

    @BeforeAll
    void setUp(@TempDir Path dir) {
        indexed = IndexedRunbooks.open(AlertRunbookFixture.write(dir));
        diagnosis = AlertRunbookFixture.sections(indexed, AlertRunbookFixture.PROM)
                .match("NodeFilesystemSpaceFillingUp", Map.of(), Map.of())
                .section()
                .orElseThrow();
        checks = new AlertChecks(Allowlist.parse(ALLOWLIST, "test allowlist"));
    }

    @AfterAll
    void close() {
        indexed.close();
    }

    @Test
    void labelsFillHostPortNamespaceAndPodInPlaceOfTheRunbooksExamples() {
        List<AlertCheck> found = checks.forSection(
                diagnosis, Map.of("instance", "db1.internal:6432", "namespace", "payments", "pod", "exporter-7d9f"));

        assertThat(found)
                .extracting(c -> c.suggestion().chatCommand())
                .containsExactly(
                        "run disk-usage",
                        "run postgres-ready host=db1.internal port=6432",
                        "run pod-logs namespace=payments pod=exporter-7d9f");
        assertThat(found.get(1).prefilled())
                .containsExactly(Map.entry("host", "instance"), Map.entry("port", "instance"));
        assertThat(found.get(2).prefilled())
                .containsExactly(Map.entry("namespace", "namespace"), Map.entry("pod", "pod"));
        assertThat(found).allMatch(c -> c.refused().isEmpty());
    }

    @Test
    void withoutLabelsTheRunbooksValuesStay() {
        List<AlertCheck> found = checks.forSection(diagnosis, Map.of());

        assertThat(found)
                .extracting(c -> c.suggestion().chatCommand())
                .containsExactly(
                        "run disk-usage",
                        "run postgres-ready host=localhost port=5432",
                        "run pod-logs namespace=default pod=exporter-0");
        assertThat(found).allMatch(c -> c.prefilled().isEmpty());
    }

    @Test
    void hostileLabelValuesAreRefusedByTheParameterChecksAndTheRunbooksValuesStay() {
        List<AlertCheck> found = checks.forSection(
                diagnosis,
                Map.of(
                        "instance", "<!channel>:99999",
                        "namespace", "payments; rm -rf /",
                        "pod", "@here\u0007"));

        assertThat(found)
                .extracting(c -> c.suggestion().chatCommand())
                .containsExactly(
                        "run disk-usage",
                        "run postgres-ready host=localhost port=5432",
                        "run pod-logs namespace=default pod=exporter-0");
        assertThat(found.get(1).refused())
                .containsExactly(
                        "label instance: host: contains a character that is not allowed (<)",
                        "label instance: port: must be an integer from 1 to 65535, got \"99999\"");
        assertThat(found.get(2).refused()).hasSize(2);
        assertThat(String.join(" ", found.get(2).refused())).doesNotContain("\u0007");
    }

    @Test
    void instanceGivesHostAndPortForIpv6AndBareHosts() {
        assertThat(AlertChecks.HostPort.of("[fd00::1]:9100"))
                .isEqualTo(new AlertChecks.HostPort(java.util.Optional.of("fd00::1"), java.util.Optional.of("9100")));
        assertThat(AlertChecks.HostPort.of("node-a"))
                .isEqualTo(new AlertChecks.HostPort(java.util.Optional.of("node-a"), java.util.Optional.empty()));
        assertThat(AlertChecks.HostPort.of("node-a:http"))
                .isEqualTo(new AlertChecks.HostPort(java.util.Optional.of("node-a"), java.util.Optional.empty()));
    }
}
