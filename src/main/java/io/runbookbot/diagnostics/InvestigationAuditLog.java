package io.runbookbot.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.core.InvestigationAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The investigation log: one JSON line per tool call ({@code time, investigation, caller, channel,
 * symptom, tool, arguments, outcome}), written through an {@link AuditLog} (owner-only file, forced
 * to disk) before the tool result goes back to the model. Thread-safe; one instance per file per
 * process.
 */
public final class InvestigationAuditLog implements InvestigationAudit, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLog log;

    private InvestigationAuditLog(AuditLog log) {
        this.log = log;
    }

    /** Opens {@code file} for appending, creating it and its folder when missing. */
    public static InvestigationAuditLog open(Path file) throws IOException {
        return new InvestigationAuditLog(AuditLog.open(file));
    }

    public Path file() {
        return log.file();
    }

    @Override
    public void record(Entry entry) {
        try {
            log.appendLine(line(entry) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the investigation log " + log.file(), e);
        }
    }

    static String line(Entry entry) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode()
                .put("time", entry.time().toString())
                .put("investigation", entry.investigation())
                .put("caller", entry.caller())
                .put("channel", entry.channel())
                .put("symptom", entry.symptom())
                .put("tool", entry.tool())
                .put("arguments", entry.arguments())
                .put("outcome", entry.outcome());
        return JSON.writeValueAsString(node);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
