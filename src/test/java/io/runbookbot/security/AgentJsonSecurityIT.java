package io.runbookbot.security;

import static io.runbookbot.agent.server.SignedHttp.runBody;
import static io.runbookbot.agent.server.SignedHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.agent.server.AgentProcess;
import io.runbookbot.agent.server.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 11: the agent read {@code {"id":"echo","params":{},"id":"touch"}} as {@code touch}
 * (last key wins), turned numbers into strings, and let integers keep leading zeros. Each request
 * here is correctly signed and sent to a real agent process; it must be refused and nothing run.
 */
class AgentJsonSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path canary;
    static Path audit;
    static AgentProcess agent;

    @BeforeAll
    static void startAgent() throws Exception {
        canary = dir.resolve("canary");
        audit = dir.resolve("audit.jsonl");
        Path allowlist = dir.resolve("allowlist.yaml");
        Files.writeString(allowlist, """
                version: 1
                commands:
                  - id: echo
                    description: harmless
                    argv: [/bin/echo, ok]
                    read_only: true
                  - id: touch
                    description: changes something
                    argv: [/usr/bin/touch, "%s"]
                    read_only: false
                  - id: show-port
                    description: echoes a port
                    argv: [/bin/echo, "port {port}"]
                    read_only: true
                    params:
                      port: {type: integer, min: 1, max: 65535}
                """.formatted(canary));
        agent = AgentProcess.start(dir, allowlist, audit, SignedHttp.SECRET);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    private static HttpResponse<String> run(String body) throws Exception {
        return signed(agent.url(), "POST", "/v1/run", body);
    }

    private static JsonNode lastAudit() throws Exception {
        List<String> lines = Files.readAllLines(audit);
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static String reason(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("reason").asText();
    }

    @Test
    void duplicateIdKeyIsRefusedAndNothingRuns() throws Exception {
        for (String body : List.of(
                "{\"id\":\"echo\",\"params\":{},\"id\":\"touch\",\"caller\":\"mallory\"}",
                "{\"id\":\"touch\",\"params\":{},\"caller\":\"mallory\",\"id\":\"echo\"}",
                "{\"id\":\"echo\",\"params\":{},\"caller\":\"ann\",\"caller\":\"mallory\"}")) {
            HttpResponse<String> r = run(body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(reason(r)).startsWith("body is not a valid RunRequest: a key appears twice");
            assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
            assertThat(lastAudit().path("exit_code").isIntegralNumber())
                    .as("nothing ran")
                    .isFalse();
        }
        assertThat(canary).doesNotExist();
        // the same agent does run touch when asked plainly: the canary would have shown a run
        assertThat(run(runBody("touch", "{}", "ann")).statusCode()).isEqualTo(200);
        assertThat(canary).exists();
        Files.delete(canary);
    }

    @Test
    void duplicateParameterKeyIsRefused() throws Exception {
        HttpResponse<String> r = run(runBody("show-port", "{\"port\":\"80\",\"port\":\"22\"}", "mallory"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(reason(r)).startsWith("body is not a valid RunRequest: a key appears twice");
    }

    @Test
    void numberWhereAStringBelongsIsRefusedNotCoerced() throws Exception {
        for (String value : List.of("8080", "8080.0", "true", "8e3")) {
            HttpResponse<String> r = run(runBody("show-port", "{\"port\":" + value + "}", "mallory"));
            assertThat(r.statusCode()).as(value).isEqualTo(400);
            assertThat(reason(r)).startsWith("body is not a valid RunRequest: a value has the wrong JSON type");
        }
        HttpResponse<String> ok = run(runBody("show-port", "{\"port\":\"8080\"}", "ann"));
        assertThat(JSON.readTree(ok.body()).get("stdout").asText()).isEqualTo("port 8080\n");
    }

    @Test
    void integerWithLeadingZerosOrSignIsRefusedWithAReason() throws Exception {
        HttpResponse<String> zeros = run(runBody("show-port", "{\"port\":\"08080\"}", "mallory"));
        assertThat(zeros.statusCode()).isEqualTo(400);
        assertThat(reason(zeros))
                .isEqualTo("port: must be an integer from 1 to 65535 without leading zeros, got \"08080\"");
        assertThat(lastAudit().get("decision").asText()).isEqualTo("invalid");
        for (String trick : List.of("+8080", "-0", "0x1f90", " 8080", "8080 ", "\\u0668\\u0660")) {
            HttpResponse<String> r = run(runBody("show-port", "{\"port\":\"" + trick + "\"}", "mallory"));
            assertThat(r.statusCode()).as(trick).isEqualTo(400);
            assertThat(reason(r)).as(trick).startsWith("port: ");
        }
    }

    @Test
    void unknownKeyIsRefused() throws Exception {
        HttpResponse<String> r =
                run("{\"id\":\"echo\",\"params\":{},\"caller\":\"m\",\"argv\":[\"/usr/bin/touch\",\"x\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(reason(r)).startsWith("body is not a valid RunRequest: unknown key \"argv\"");
    }
}
