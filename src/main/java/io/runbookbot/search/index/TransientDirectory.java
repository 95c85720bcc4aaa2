package io.runbookbot.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A memory-mapped index in a temporary folder that lives as long as the process needs it: it is
 * rebuilt from the runbooks at every start, so it is never synced to disk, and closing it deletes
 * the folder. Memory-mapped files search several times faster than Lucene's heap-backed
 * {@code ByteBuffersDirectory}, which copies buffers on every term lookup.
 *
 * <p>A process that is killed cannot delete its folders, so each folder is named after its
 * process id ({@code runbook-bot-index-<pid>-<random>}) and every new index first deletes the
 * folders of processes that are no longer running.
 */
final class TransientDirectory extends FilterDirectory {
    private final Path folder;

    private TransientDirectory(Path folder) throws IOException {
        super(new MMapDirectory(folder));
        this.folder = folder;
    }

    private static final String PREFIX = "runbook-bot-index-";
    private static final Logger LOG = LoggerFactory.getLogger(TransientDirectory.class);

    static TransientDirectory create() throws IOException {
        Path folder = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        sweep(folder.getParent());
        folder.toFile().deleteOnExit();
        return new TransientDirectory(folder);
    }

    /** Deletes the index folders in {@code temp} whose process is gone; never fails the caller. */
    static void sweep(Path temp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                OptionalLong pid = ownerPid(folder.getFileName().toString());
                if (pid.isEmpty()
                        || ProcessHandle.of(pid.getAsLong())
                                .map(ProcessHandle::isAlive)
                                .orElse(false)) {
                    continue; // a live process's, or an older version's that cannot say whose it is
                }
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && isOurs(folder)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not sweep old index folders in {}: {}", temp, e.toString());
        }
    }

    /** The pid in {@code runbook-bot-index-<pid>-<random>}; empty for folders of older versions. */
    static OptionalLong ownerPid(String name) {
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || dash > 19 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    }

    /** Only folders this user owns: on a shared /tmp another user's folders are theirs to clean. */
    private static boolean isOurs(Path folder) throws IOException {
        try {
            return Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void sync(Collection<String> names) {
        // transient: nothing to make durable
    }

    @Override
    public void syncMetaData() {
        // transient: nothing to make durable
    }

    @Override
    public void close() throws IOException {
        super.close();
        deleteTree(folder);
    }
}
