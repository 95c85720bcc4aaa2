package io.runbookbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, items 4 and 8: redaction that stalls on crafted text, and secrets that reach the
 * output. Attacks run for real: worst-case texts through {@link Redactor}, and runbooks and
 * command output through the packaged jar ({@code ask}, {@code ask --json}, {@code search --jsonl},
 * {@code run}). Time bounds are generous (the machine is shared); the figures come from
 * {@link RedactionBenchmarkTest}.
 */
class RedactionSecurityIT {
    @TempDir
    Path dir;

    @BeforeEach
    void runbooks() throws Exception {
        Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(dir.resolve("runbooks/orders.md"), SecretRunbook.TEXT);
    }

    @Test
    void worstCaseTextsAreRedactedInUnderASecondEachInsteadOfTensOfSeconds() {
        for (Map.Entry<String, String> c : RedactionWorstCases.all().entrySet()) {
            long start = System.nanoTime();
            String redacted = Redactor.redact(c.getValue());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis)
                    .as("%s: ms for 256 KiB (was 10-50 s)", c.getKey())
                    .isLessThan(1_000);
            assertThat(redacted).as(c.getKey()).isNotEmpty();
        }
    }

    @Test
    void worstCaseSecretsAreStillMaskedWhileRedactionStaysFast() {
        String slack = RedactionWorstCases.repeat("xoxb-123456789012-AbCdEfGhIjKl ");
        String keys =
                RedactionWorstCases.repeat("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretkeymaterial\n");

        assertThat(Redactor.redact(slack)).doesNotContain("AbCdEfGhIjKl");
        assertThat(Redactor.redact(keys)).isEqualTo("[REDACTED RSA PRIVATE KEY]");
    }

    @Test
    void aHundredKilobyteRunbookOfRepeatedTokenPrefixesIsAnsweredInSecondsThroughTheJar() throws Exception {
        String body = "Slack tokens in the paste below were rotated.\n\n```\n" + "xoxb-".repeat(20_000) + "\n```\n";
        String keys = "a_token=".repeat(2_000) + "\n" + "-----BEGIN RSA PRIVATE KEY-----".repeat(1_000) + "\n";
        Files.writeString(
                dir.resolve("runbooks/pasted.md"),
                "# Pasted tokens\n\n## Rotated slack tokens\n\n" + body
                        + "\n## Private key headers\n\nKeys pasted by mistake, rotate them.\n\n" + keys);

        JarRun run = JarRun.of(dir, new byte[0], "ask", "--runbooks", "runbooks", "rotated slack tokens");
        System.out.printf(
                "RedactionSecurityIT: ask over a 100 KB runbook of token prefixes took %d ms (was 29 s)%n",
                run.millis());

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).contains("Rotated slack tokens");
        assertThat(run.millis()).as("wall time of ask, JVM start included").isLessThan(20_000);
    }

    @Test
    void twoHundredFiftySixKibOfCommandOutputIsRedactedAndPrintedInSecondsThroughRun() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, RedactionWorstCases.repeat("xoxb-") + "\npassword=LogS3cret\n");
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: app-log
                    description: the application log
                    argv: [cat, "%s"]
                    timeout: 30s
                    output_cap: 512KiB
                    read_only: true
                """.formatted(log));

        JarRun run = JarRun.of(
                dir,
                new byte[0],
                "run",
                "--allowlist",
                allowlist.toString(),
                "--audit-log",
                dir.resolve("audit.jsonl").toString(),
                "app-log");
        System.out.printf("RedactionSecurityIT: run of a 256 KiB log output took %d ms (was 165 s)%n", run.millis());

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).contains("password=****").doesNotContain("LogS3cret");
        assertThat(run.millis()).as("wall time of run, JVM start included").isLessThan(20_000);
    }

    @Test
    void secretsInTitleHeadingsAndBodyNeverReachAskTextOrJson() throws Exception {
        JarRun text =
                JarRun.of(dir, new byte[0], "ask", "--runbooks", "runbooks", "orders database connection refused");
        JarRun json = JarRun.of(
                dir,
                new byte[0],
                "ask",
                "--json",
                "--top",
                "10",
                "--runbooks",
                "runbooks",
                "orders database connection refused check rotate deploy token");

        assertThat(text.exitCode()).as("stderr: %s", text.stderr()).isZero();
        assertThat(text.stdout()).contains("Check with PASSWORD=****");
        JsonNode answer = new ObjectMapper().readTree(json.stdout());
        List<String> headings = new ArrayList<>();
        answer.path("matches").forEach(m -> headings.add(m.path("heading").asText()));
        assertThat(headings)
                .contains("Check with PASSWORD=****", "Rotate the token GITHUB_TOKEN=**** and mysql -p****");
        for (JarRun run : List.of(text, json)) {
            assertNoSecret(run);
        }
    }

    @Test
    void secretsInTitleHeadingsAndBodyNeverReachSearchJsonl() throws Exception {
        String questions = "{\"id\":1,\"question\":\"orders database connection refused\"}\n"
                + "{\"id\":2,\"question\":\"rotate the deploy token PASSWORD=QuestionS3cret\"}\n";

        JarRun run = JarRun.of(
                dir, questions.getBytes(StandardCharsets.UTF_8), "search", "--jsonl", "--runbooks", "runbooks");

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        List<JsonNode> results = new ArrayList<>();
        for (String line : run.stdout().lines().toList()) {
            results.add(new ObjectMapper().readTree(line));
        }
        assertThat(results).hasSize(2);
        List<String> paths = new ArrayList<>();
        results.get(0).path("matches").forEach(m -> paths.add(m.path("path").toString()));
        assertThat(paths)
                .contains(
                        "[\"Orders database\",\"Check with PASSWORD=****\"]",
                        "[\"Orders DB (postgresql://orders:****@db:5432/orders)\"]");
        assertNoSecret(run);
        assertThat(run.stdout()).doesNotContain("QuestionS3cret");
    }

    private static void assertNoSecret(JarRun run) {
        for (String secret : SecretRunbook.SECRETS) {
            assertThat(run.stdout()).as("stdout").doesNotContain(secret);
            assertThat(run.stderr()).as("stderr").doesNotContain(secret);
        }
    }
}
