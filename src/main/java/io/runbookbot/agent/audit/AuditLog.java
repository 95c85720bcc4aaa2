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
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON Lines audit file. {@link #append} returns only once the line is written and
 * forced to the storage device, so a result is never shown for a request whose line could be lost
 * in a crash. Thread-safe; one instance per file per process.
 */
public final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

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
        FileAttribute<?>[] attrs =
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"))
                        }
                        : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(
                file,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                attrs);
        return new AuditLog(file, channel);
    }

    public Path file() {
        return file;
    }

    /** Writes one line and forces it to disk before returning. */
    public void append(AuditRecord record) throws IOException {
        appendLine(toLine(record));
    }

    /**
     * Writes the {@link Decision#STARTED} line of a run, forced to disk; the caller starts the
     * process only after this returns.
     *
     * @throws AuditUnavailableException when the line cannot be written: the run must not happen
     */
    public void appendBeforeRun(AuditRecord started) {
        try {
            append(started);
        } catch (IOException e) {
            LOG.error(
                    "cannot write the audit log {}: refusing run {} of {}",
                    file,
                    started.runId(),
                    started.command(),
                    e);
            throw new AuditUnavailableException(
                    "Nothing was run: the audit log cannot be written ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "), and every run is recorded before it starts. Ask an operator to fix the audit log.",
                    e);
        }
    }

    /**
     * Writes the finished line of a run. The run is already on record by its started line, so a
     * failure here is logged, not thrown: the result still reaches whoever asked.
     */
    public void appendAfterRun(AuditRecord finished) {
        try {
            append(finished);
        } catch (IOException e) {
            LOG.error(
                    "run {} of {} ended but its finished line cannot be written to {} (its started line is there)",
                    finished.runId(),
                    finished.command(),
                    file,
                    e);
        }
    }

    /** A new id for the started and finished lines of one run: 16 hex digits. */
    public static String newRunId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
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
        node.put("run_id", r.runId());
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
        node.put("timed_out", r.timedOut());
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
