package io.runbookbot.search.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.MMapDirectory;

/**
 * A memory-mapped index in a temporary folder that lives as long as the process needs it: it is
 * rebuilt from the runbooks at every start, so it is never synced to disk, and closing it deletes
 * the folder. Memory-mapped files search several times faster than Lucene's heap-backed
 * {@code ByteBuffersDirectory}, which copies buffers on every term lookup.
 */
final class TransientDirectory extends FilterDirectory {
    private final Path folder;

    private TransientDirectory(Path folder) throws IOException {
        super(new MMapDirectory(folder));
        this.folder = folder;
    }

    static TransientDirectory create() throws IOException {
        Path folder = Files.createTempDirectory("runbook-bot-index-");
        folder.toFile().deleteOnExit();
        return new TransientDirectory(folder);
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
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
