package io.runbookbot.search.markdown;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every runbook of a folder (see {@link RunbookFiles} for which files count). Files are
 * decoded strictly as UTF-8 (a byte order mark is dropped); a file that cannot be read, decoded
 * or parsed, or that is larger than the size cap (1 MiB by default), is skipped with a warning and
 * the rest still load. Files are parsed in parallel; the result is ordered by relative path.
 */
public final class RunbookLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookLoader.class);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The default largest runbook file read, {@value} bytes (1 MiB); larger files are skipped. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;

    private final RunbookParser parser;
    private final long maxFileBytes;

    public RunbookLoader() {
        this(new RunbookParser());
    }

    public RunbookLoader(RunbookParser parser) {
        this(parser, DEFAULT_MAX_FILE_BYTES);
    }

    /** @param maxFileBytes files larger than this are skipped unread (with a warning naming file and size) */
    public RunbookLoader(RunbookParser parser, long maxFileBytes) {
        this.parser = Objects.requireNonNull(parser, "parser");
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes out of range: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /** A loader with the default parser that skips files larger than {@code maxFileBytes}. */
    public static RunbookLoader withMaxFileBytes(long maxFileBytes) {
        return new RunbookLoader(new RunbookParser(), maxFileBytes);
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Loads the runbooks under {@code dir}.
     *
     * @throws io.runbookbot.core.UserFacingException when {@code dir} is missing, not a folder or
     *                                                unreadable
     */
    public LoadResult load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        RunbookFiles.Listing listing = RunbookFiles.list(dir);
        List<Outcome> outcomes =
                listing.files().parallelStream().map(this::load).toList();
        List<Runbook> runbooks = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>(listing.failures());
        int empty = 0;
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Loaded loaded) {
                runbooks.add(loaded.runbook());
            } else if (outcome instanceof Skipped s) {
                skipped.add(s.file());
            } else {
                empty++;
            }
        }
        skipped.forEach(s -> LOG.warn("Skipping {}: {}", s.file(), s.reason()));
        LOG.debug("Loaded {} runbooks from {}: {} empty, {} skipped", runbooks.size(), dir, empty, skipped.size());
        return new LoadResult(runbooks, skipped, empty);
    }

    private Outcome load(RunbookFiles.Entry entry) {
        String content;
        try {
            Optional<byte[]> bytes = read(entry);
            if (bytes.isEmpty()) {
                return new Skipped(new SkippedFile(entry.relative(), tooLarge(Files.size(entry.real()))));
            }
            content = decode(bytes.get());
        } catch (OutsideFolderException e) {
            return new Skipped(new SkippedFile(entry.relative(), e.getMessage()));
        } catch (CharacterCodingException e) {
            return new Skipped(new SkippedFile(entry.relative(), "not valid UTF-8"));
        } catch (IOException e) {
            return new Skipped(new SkippedFile(entry.relative(), "cannot read: " + RunbookFiles.describe(e)));
        }
        if (content.isBlank()) {
            return new Empty();
        }
        return parse(entry.relative(), content);
    }

    /**
     * The file's bytes, or empty when it holds more than {@link #maxFileBytes} (never read in
     * full). The checked real path is opened without following links, and checked again once
     * open, so a file swapped for a link after the walk is not read through it.
     */
    Optional<byte[]> read(RunbookFiles.Entry entry) throws IOException {
        try (SeekableByteChannel channel =
                Files.newByteChannel(entry.real(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            Path real = entry.real().toRealPath();
            if (!real.equals(entry.real()) || !real.startsWith(entry.root())) {
                throw new OutsideFolderException(RunbookFiles.outside(entry.path(), real));
            }
            if (channel.size() > maxFileBytes) {
                return Optional.empty();
            }
            byte[] bytes = Channels.newInputStream(channel).readNBytes((int) maxFileBytes + 1);
            return bytes.length > maxFileBytes ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            if (!(e instanceof OutsideFolderException) && Files.isSymbolicLink(entry.real())) {
                throw new OutsideFolderException("replaced by a link while loading");
            }
            throw e;
        }
    }

    private String tooLarge(long size) {
        return "too large: " + size + " bytes (the limit is " + maxFileBytes + " bytes)";
    }

    /** The file turned out to lead outside the folder when opened. */
    static final class OutsideFolderException extends IOException {
        OutsideFolderException(String message) {
            super(message);
        }
    }

    private Outcome parse(String file, String content) {
        try {
            return new Loaded(parser.parse(file, content));
        } catch (RuntimeException | StackOverflowError e) {
            return new Skipped(new SkippedFile(file, "cannot be parsed: " + e));
        }
    }

    /** Strict UTF-8, without a leading byte order mark. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** What became of one file. */
    private sealed interface Outcome permits Loaded, Skipped, Empty {}

    private record Loaded(Runbook runbook) implements Outcome {}

    private record Skipped(SkippedFile file) implements Outcome {}

    private record Empty() implements Outcome {}
}
