package io.runbookbot.search.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors on disk, keyed by the SHA-256 of model and text, so that a restart or a re-index only
 * embeds what changed. One append-only file per model ({@code embeddings-<model>.bin}): a magic
 * header, then records of key (32 bytes), dimension (int) and floats, little-endian. A torn last
 * record (a crash mid-write) is dropped on open; appends take a file lock, so a CLI run and the
 * bot can share a folder. An unusable cache is never fatal: it starts empty with a warning.
 * The file only grows (by the sections that change; several runbook folders may share it): delete
 * it to reclaim the space, the next index embeds everything again. Thread-safe.
 */
public final class EmbeddingCache {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final byte[] MAGIC = "RBVEC1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int MAX_DIMENSION = 16_384;

    private final String model;
    private final Optional<Path> file;
    private final Map<String, float[]> vectors = new LinkedHashMap<>();

    private EmbeddingCache(String model, Optional<Path> file) {
        this.model = model;
        this.file = file;
    }

    /** The cache of {@code model} under {@code dir}, read from disk (created on first write). */
    public static EmbeddingCache open(Path dir, String model) {
        String safe = model.replaceAll("[^A-Za-z0-9._-]", "_");
        EmbeddingCache cache = new EmbeddingCache(model, Optional.of(dir.resolve("embeddings-" + safe + ".bin")));
        cache.read();
        return cache;
    }

    /** A cache that lives in memory only. */
    public static EmbeddingCache inMemory(String model) {
        return new EmbeddingCache(model, Optional.empty());
    }

    /** The key of a text: SHA-256 of the model name and the text, in hex. */
    public String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public synchronized Optional<float[]> get(String key) {
        return Optional.ofNullable(vectors.get(key));
    }

    public synchronized int size() {
        return vectors.size();
    }

    /** Adds vectors and appends them to the file; a write failure is logged, the memory copy kept. */
    public synchronized void putAll(Map<String, float[]> fresh) {
        Map<String, float[]> added = new LinkedHashMap<>();
        fresh.forEach((k, v) -> {
            if (vectors.putIfAbsent(k, v) == null) {
                added.put(k, v);
            }
        });
        if (added.isEmpty() || file.isEmpty()) {
            return;
        }
        try {
            append(file.get(), added);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Cannot write the embedding cache {} ({}); vectors are kept in memory only",
                    file.get(),
                    e.toString());
        }
    }

    private void read() {
        Path path = file.orElseThrow();
        if (!Files.isRegularFile(path)) {
            return;
        }
        try {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
            if (data.remaining() < MAGIC.length || !ByteBuffer.wrap(MAGIC).equals(data.slice(0, MAGIC.length))) {
                LOG.warn("Ignoring {}: not a runbook-bot embedding cache", path);
                return;
            }
            data.position(MAGIC.length);
            int dropped = readRecords(data);
            if (dropped > 0) {
                LOG.warn(
                        "Embedding cache {}: dropped a torn last record ({} bytes); those sections will be "
                                + "embedded again",
                        path,
                        dropped);
                truncate(path, data.position());
            }
            LOG.info("Embedding cache {}: {} vectors of {}", path, vectors.size(), model);
        } catch (IOException | RuntimeException e) {
            vectors.clear();
            LOG.warn("Cannot read the embedding cache {} ({}); starting empty", path, e.toString());
        }
    }

    /** Reads whole records; returns the number of trailing bytes that are not one. */
    private int readRecords(ByteBuffer data) {
        byte[] key = new byte[KEY_BYTES];
        while (data.remaining() >= KEY_BYTES + Integer.BYTES) {
            int start = data.position();
            data.get(key);
            int dimension = data.getInt();
            if (dimension <= 0 || dimension > MAX_DIMENSION || data.remaining() < dimension * Float.BYTES) {
                data.position(start);
                break;
            }
            float[] v = new float[dimension];
            data.asFloatBuffer().get(v);
            data.position(data.position() + dimension * Float.BYTES);
            vectors.put(HexFormat.of().formatHex(key), v);
        }
        return data.remaining();
    }

    private static void truncate(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void append(Path path, Map<String, float[]> records) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            if (channel.size() == 0) {
                channel.write(ByteBuffer.wrap(MAGIC));
            }
            for (Map.Entry<String, float[]> r : records.entrySet()) {
                ByteBuffer b = ByteBuffer.allocate(KEY_BYTES + Integer.BYTES + r.getValue().length * Float.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.put(HexFormat.of().parseHex(r.getKey())).putInt(r.getValue().length);
                b.asFloatBuffer().put(r.getValue());
                b.position(b.capacity()).flip();
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
            channel.force(false);
        }
    }
}
