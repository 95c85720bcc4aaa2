package io.runbookbot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.InvestigationAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The investigation log: one JSON line per tool call ({@code time, investigation, caller, channel,
 * symptom, tool, arguments, outcome}), written and forced to disk before the tool result goes back
 * to the model. Thread-safe; one instance per file per process.
 */
public final class JsonLinesInvestigationAudit implements InvestigationAudit, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private JsonLinesInvestigationAudit(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens {@code file} for appending, creating it and its folder when missing. */
    public static JsonLinesInvestigationAudit open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new JsonLinesInvestigationAudit(file, FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(Entry entry) {
        try {
            ByteBuffer line = ByteBuffer.wrap((line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the investigation log " + file, e);
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
    public synchronized void close() throws IOException {
        channel.close();
    }
}
