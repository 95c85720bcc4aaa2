package io.runbookbot.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * An append-only JSON Lines audit file. {@link #append} returns only once the line is written and
 * forced to the storage device, so a result is never shown for a request whose line could be lost
 * in a crash. Thread-safe; one instance per file per process.
 */
public final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private AuditLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating it owner read-write, group read, when missing) {@code file} for appending. */
    public static AuditLog open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileAttribute<?>[] attrs = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"))}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), attrs);
        return new AuditLog(file, channel);
    }

    public Path file() {
        return file;
    }

    /** Writes one line and forces it to disk before returning. */
    public void append(AuditRecord record) throws IOException {
        appendLine(toLine(record));
    }

    /** Writes one JSON line of another kind of record (ending in a newline), forced to disk the same way. */
    public synchronized void appendLine(String jsonLine) throws IOException {
        ByteBuffer line = ByteBuffer.wrap(jsonLine.getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        // fdatasync: data plus the metadata needed to read it back (the file size)
        channel.force(false);
    }

    /** The JSON line (with its newline) for a record; keys in a fixed order. */
    public static String toLine(AuditRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", r.time().toString());
        node.put("decision", r.decision().label());
        node.put("who", r.who());
        node.put("where", r.where());
        node.put("agent", r.agent());
        node.put("peer", r.peer());
        node.put("command", r.command());
        ObjectNode params = node.putObject("params");
        r.params().forEach(params::put);
        if (r.exitCode() == null) {
            node.putNull("exit_code");
        } else {
            node.put("exit_code", r.exitCode().intValue());
        }
        node.put("duration_ms", r.durationMillis());
        node.put("output_bytes", r.outputBytes());
        node.put("reason", r.reason());
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit record", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
