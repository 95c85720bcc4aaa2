package io.runbookbot.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbookbot.fakes.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private static AuditRecord refusal(String peer) {
        return AuditRecord.builder(Decision.UNAUTHORIZED)
                .who("(unauthenticated)")
                .peer(peer)
                .reason("bad signature")
                .build();
    }

    private List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void writesTheFirstRefusalsOfAKindPerWindowThenOneSummaryAndCountsThemAll() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            RefusalAudit refusals = RefusalAudit.over(log, clock, 3, Duration.ofMinutes(1));
            for (int i = 0; i < 1000; i++) {
                refusals.refused("bad_signature", refusal("10.0.0." + (i % 7)));
            }
            assertThat(Files.readAllLines(file)).hasSize(3);

            clock.advance(Duration.ofSeconds(61));
            refusals.flush();

            List<JsonNode> lines = lines(file);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(3).get("decision").asText()).isEqualTo("unauthorized");
            assertThat(lines.get(3).get("reason").asText())
                    .isEqualTo("suppressed 997 more refusal(s) like this in 61 s (last from 10.0.0.5): bad signature");
            assertThat(refusals.counts()).isEqualTo(Map.of("bad_signature", 1000L));
            assertThat(refusals.suppressed()).isEqualTo(997);
        }
    }

    @Test
    void eachKindHasItsOwnBudgetAndANewWindowStartsAfresh() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file)) {
            RefusalAudit refusals = RefusalAudit.over(log, clock, 2, Duration.ofMinutes(1));
            for (int i = 0; i < 5; i++) {
                refusals.refused("missing_headers", refusal("a"));
                refusals.refused("too_large", refusal("b"));
            }
            assertThat(Files.readAllLines(file)).hasSize(4);

            clock.advance(Duration.ofMinutes(2));
            refusals.refused("missing_headers", refusal("a"));

            List<JsonNode> lines = lines(file);
            assertThat(lines).hasSize(6);
            assertThat(lines.get(4).get("reason").asText()).startsWith("suppressed 3 more");
            assertThat(lines.get(5).get("reason").asText()).isEqualTo("bad signature");
            refusals.close();
            assertThat(lines(file))
                    .hasSize(7)
                    .last()
                    .satisfies(l -> assertThat(l.get("peer").asText()).isEqualTo("b"));
        }
    }

    @Test
    void aRefusalIsStillCountedWhenTheAuditCannotBeWritten() throws Exception {
        try (AuditLog log = AuditLog.open(Path.of("/dev/full"))) {
            RefusalAudit refusals = RefusalAudit.over(log, clock, 2, Duration.ofMinutes(1));
            refusals.refused("missing_headers", refusal("a"));
            assertThat(refusals.counts()).isEqualTo(Map.of("missing_headers", 1L));
        }
    }
}
