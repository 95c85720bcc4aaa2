package io.runbookbot.alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of accepted alert notifications: {@link #append} returns only once the body is on
 * disk (written, forced, renamed into place, folder forced), so the webhook answers 2xx only for what
 * a crash or restart cannot lose. One file per entry ({@code <seq>.entry}: magic, version, sequence,
 * time accepted, length, CRC32C, body): a damaged entry, at the tail or anywhere, is moved to
 * {@code corrupt/} and reported at {@link #open}; the others are kept. An unfinished write (a
 * {@code .tmp} file) was never acknowledged, so it is removed. Bounded: {@link #append} refuses with
 * {@link AlertJournalFullException} when the limits are reached. Safe for concurrent use.
 */
public final class AlertJournal {
    private static final Logger LOG = LoggerFactory.getLogger(AlertJournal.class);
    private static final byte[] MAGIC = "RBAJ".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CRC_AT = 28;
    static final int HEADER = 32;
    static final String SUFFIX = ".entry";

    /** How much the journal may hold. */
    public record Limits(int maxEntries, long maxBytes, int maxEntryBytes) {
        public Limits {
            if (maxEntries < 1 || maxBytes < 1 || maxEntryBytes < 1 || maxEntryBytes > maxBytes) {
                throw new IllegalArgumentException("journal limits must be positive, one entry no more than all: "
                        + maxEntries + " entries, " + maxBytes + " bytes, " + maxEntryBytes + " bytes per entry");
            }
        }

        /** 10,000 notifications, 256 MiB in all, 4 MiB each. */
        public static Limits defaults() {
            return new Limits(10_000, 256L << 20, 4 << 20);
        }
    }

    /** One accepted notification. */
    public record Entry(long seq, Instant acceptedAt, byte[] body) {
        public Entry {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** What {@link #open} found: entries kept, their body bytes, and each problem it set aside. */
    public record Recovery(int entries, long bytes, List<String> problems) {
        public Recovery {
            problems = List.copyOf(problems);
        }
    }

    private final Path dir;
    private final Limits limits;
    private final Clock clock;
    private final TreeMap<Long, Integer> sizes = new TreeMap<>();
    private final Recovery recovery;
    private long bytes;
    private long nextSeq = 1;

    private AlertJournal(Path dir, Limits limits, Clock clock) throws IOException {
        this.dir = dir;
        this.limits = limits;
        this.clock = clock;
        this.recovery = recover();
    }

    /** Opens (creating if needed) the journal in {@code dir}, keeping every intact entry a previous run left. */
    public static AlertJournal open(Path dir, Limits limits, Clock clock) throws IOException {
        Files.createDirectories(dir);
        return new AlertJournal(dir, limits, clock);
    }

    public Recovery recovery() {
        return recovery;
    }

    /**
     * Writes {@code body} durably and returns its entry; the caller may answer 2xx once this returns.
     *
     * @throws AlertJournalFullException when the journal holds its limit: answer 503
     * @throws IllegalArgumentException when the body alone exceeds the per-entry limit
     */
    public synchronized Entry append(byte[] body) throws IOException, AlertJournalFullException {
        if (body.length > limits.maxEntryBytes()) {
            throw new IllegalArgumentException("a notification of " + body.length
                    + " bytes is larger than the journal takes (" + limits.maxEntryBytes() + " bytes)");
        }
        if (sizes.size() >= limits.maxEntries() || bytes + body.length > limits.maxBytes()) {
            throw new AlertJournalFullException("the alert journal is full: " + sizes.size() + " notifications ("
                    + bytes + " bytes) wait to be posted, the limit is " + limits.maxEntries() + " notifications or "
                    + limits.maxBytes() + " bytes; Alertmanager will send this one again");
        }
        Entry entry = new Entry(nextSeq, clock.instant(), body);
        DurableFiles.write(file(entry.seq()), encode(entry));
        nextSeq++;
        sizes.put(entry.seq(), body.length);
        bytes += body.length;
        return entry;
    }

    /** The sequence numbers of the entries waiting, oldest first. */
    public synchronized List<Long> pending() {
        return List.copyOf(sizes.keySet());
    }

    /**
     * Reads a waiting entry; empty if it was removed, or if it was damaged since {@link #open} (then it
     * is moved to {@code corrupt/} and logged).
     */
    public synchronized Optional<Entry> read(long seq) throws IOException {
        if (!sizes.containsKey(seq)) {
            return Optional.empty();
        }
        Path file = file(seq);
        Decoded decoded = decode(seq, Files.readAllBytes(file));
        if (decoded.entry().isPresent()) {
            return decoded.entry();
        }
        String problem = setAside(file, decoded.problem());
        LOG.warn("alert journal: {}", problem);
        forget(seq);
        return Optional.empty();
    }

    /** Removes an entry once it is posted (or given up); removing one twice is harmless. */
    public synchronized void remove(long seq) throws IOException {
        if (sizes.containsKey(seq)) {
            DurableFiles.delete(file(seq));
            forget(seq);
        }
    }

    public synchronized int size() {
        return sizes.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void forget(long seq) {
        Integer size = sizes.remove(seq);
        bytes -= size == null ? 0 : size;
    }

    private Recovery recover() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            listing.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            recover(file, problems);
        }
        problems.forEach(p -> LOG.warn("alert journal {}: {}", dir, p));
        return new Recovery(sizes.size(), bytes, problems);
    }

    private void recover(Path file, List<String> problems) throws IOException {
        String name = file.getFileName().toString();
        if (DurableFiles.isLeftover(file)) {
            problems.add("removed " + name + ", a write a crash interrupted (" + Files.size(file)
                    + " bytes); it was never acknowledged, so its sender got no 2xx and sends it again");
            Files.delete(file);
            return;
        }
        Optional<Long> seq = seqOf(name);
        if (seq.isEmpty() || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return; // corrupt/ and anything not ours
        }
        nextSeq = Math.max(nextSeq, seq.get() + 1);
        long size = Files.size(file);
        Decoded decoded = size > HEADER + (long) limits.maxEntryBytes()
                ? new Decoded(Optional.empty(), size + " bytes, more than an entry may hold")
                : decode(seq.get(), Files.readAllBytes(file));
        if (decoded.entry().isPresent()) {
            sizes.put(seq.get(), decoded.entry().get().body().length);
            bytes += decoded.entry().get().body().length;
        } else {
            problems.add(setAside(file, decoded.problem()));
        }
    }

    private String setAside(Path file, String why) throws IOException {
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Path target = corrupt.resolve(file.getFileName() + "." + clock.millis());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.forceFolder(dir);
        return "entry " + file.getFileName() + " is damaged (" + why + "); moved to " + dir.relativize(target)
                + ", the other entries are kept";
    }

    private Path file(long seq) {
        return dir.resolve(String.format("%019d", seq) + SUFFIX);
    }

    private static Optional<Long> seqOf(String name) {
        String digits = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    static byte[] encode(Entry entry) {
        byte[] body = entry.body();
        ByteBuffer out = ByteBuffer.allocate(HEADER + body.length);
        out.put(MAGIC)
                .putInt(VERSION)
                .putLong(entry.seq())
                .putLong(entry.acceptedAt().toEpochMilli());
        out.putInt(body.length).putInt(0).put(body);
        byte[] bytes = out.array();
        ByteBuffer.wrap(bytes).putInt(CRC_AT, DurableFiles.crc(bytes, 0, bytes.length));
        return bytes;
    }

    private record Decoded(Optional<Entry> entry, String problem) {}

    private static Decoded decode(long seq, byte[] bytes) {
        if (bytes.length < HEADER) {
            return new Decoded(Optional.empty(), "cut short at " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        int version = in.getInt();
        long storedSeq = in.getLong();
        long millis = in.getLong();
        int length = in.getInt();
        int crc = in.getInt();
        ByteBuffer.wrap(bytes).putInt(CRC_AT, 0);
        String problem = !Arrays.equals(magic, MAGIC) || version != VERSION
                ? "not an alert journal entry of version " + VERSION
                : length != bytes.length - HEADER
                        ? "holds " + (bytes.length - HEADER) + " of its " + length + " body bytes"
                        : crc != DurableFiles.crc(bytes, 0, bytes.length)
                                ? "checksum mismatch"
                                : storedSeq != seq ? "names entry " + storedSeq : "";
        if (!problem.isEmpty()) {
            return new Decoded(Optional.empty(), problem);
        }
        byte[] body = Arrays.copyOfRange(bytes, HEADER, bytes.length);
        return new Decoded(Optional.of(new Entry(seq, Instant.ofEpochMilli(millis), body)), "");
    }
}
