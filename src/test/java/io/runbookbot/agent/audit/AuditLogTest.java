package io.runbookbot.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void writesOneJsonLineWithEveryFieldInAFixedOrder() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            log.append(AuditRecord.builder(Decision.ALLOWED)
                    .time(Instant.parse("2025-01-01T12:00:00.123456Z"))
                    .who("U1")
                    .where("#ops")
                    .agent("web-1")
                    .peer("10.0.0.1")
                    .command("port-listeners")
                    .params(Map.of("port", "8000"))
                    .ran(0, 12, 345)
                    .runId("r-1")
                    .build());
        }
        assertThat(Files.readString(file))
                .isEqualTo("{\"time\":\"2025-01-01T12:00:00.123Z\",\"decision\":\"allowed\","
                        + "\"run_id\":\"r-1\",\"who\":\"U1\",\"where\":\"#ops\",\"agent\":\"web-1\",\"peer\":\"10.0.0.1\","
                        + "\"command\":\"port-listeners\",\"params\":{\"port\":\"8000\"},\"exit_code\":0,\"duration_ms\":12,"
                        + "\"output_bytes\":345,\"timed_out\":false,\"reason\":\"\"}\n");
    }

    @Test
    void refusedRequestsHaveNoExitCode() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            log.append(AuditRecord.builder(Decision.CONFIRMATION_REQUIRED)
                    .command("restart")
                    .reason("needs confirm")
                    .build());
        }
        JsonNode line = lines(file).get(0);
        assertThat(line.get("decision").asText()).isEqualTo("confirmation_required");
        assertThat(line.get("exit_code").isNull()).isTrue();
    }

    @Test
    void cutsLongValuesTo200CharactersAndKeepsHostileTextOnOneLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            log.append(AuditRecord.builder(Decision.INVALID)
                    .command("x".repeat(5000))
                    .params(Map.of("path", "a\nb\r\u0000" + "y".repeat(1000)))
                    .reason("bad")
                    .build());
        }
        List<String> raw = Files.readAllLines(file);
        assertThat(raw).hasSize(1);
        JsonNode line = JSON.readTree(raw.get(0));
        assertThat(line.get("command").asText()).isEqualTo("x".repeat(200) + "…");
        assertThat(line.get("params").get("path").asText()).hasSize(201).startsWith("a\nb\r\u0000y");
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        for (int i = 0; i < 2; i++) {
            try (AuditLog log = AuditLog.open(file)) {
                log.append(AuditRecord.builder(Decision.DENIED).command("c" + i).build());
            }
        }
        assertThat(lines(file)).extracting(n -> n.get("command").asText()).containsExactly("c0", "c1");
    }

    @Test
    void concurrentAppendsNeverInterleave() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AuditLog log = AuditLog.open(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(AuditRecord.builder(Decision.ALLOWED)
                                .who("t" + thread)
                                .command("n" + i)
                                .params(Map.of("v", "z".repeat(150)))
                                .build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(lines(file)).hasSize(400);
    }

    @Test
    void createsTheFileReadableByOwnerAndGroupOnly() throws Exception {
        Path file = dir.resolve("sub/audit.jsonl");
        AuditLog.open(file).close();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }
}
