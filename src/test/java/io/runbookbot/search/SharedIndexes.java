package io.runbookbot.search;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared {@code corpus} and {@code seeds} folders (system property {@code runbookbot.shared},
 * default {@code ../shared}) indexed for keyword search once per test JVM, for the unit tests that
 * only ask them questions (RetrievalRegressionTest, IncidentTriageTest): building the corpus index
 * is the slow part of those tests. Built on first use; closed when the JVM exits.
 */
public final class SharedIndexes {
    /** The shared folder. */
    public static final Path SHARED = Path.of(System.getProperty("runbookbot.shared", "../shared"));

    private static final Map<String, IndexedRunbooks> INDEXED = new ConcurrentHashMap<>();

    private SharedIndexes() {}

    /** The runbooks of {@code folder} under {@link #SHARED} ({@code corpus} or {@code seeds}), indexed. */
    public static IndexedRunbooks of(String folder) {
        return INDEXED.computeIfAbsent(folder, f -> {
            IndexedRunbooks indexed = IndexedRunbooks.open(SHARED.resolve(f));
            Runtime.getRuntime().addShutdownHook(new Thread(indexed::close, "close-shared-index-" + f));
            return indexed;
        });
    }
}
