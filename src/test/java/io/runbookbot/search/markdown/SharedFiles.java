package io.runbookbot.search.markdown;

import java.nio.file.Path;

/** Where the shared corpus and seeds live: system property {@code runbookbot.shared}. */
final class SharedFiles {
    private SharedFiles() {}

    static Path root() {
        return Path.of(System.getProperty("runbookbot.shared", "../shared"));
    }

    static Path seed003() {
        return root().resolve("seeds/003_b05da1b8e43c3103.txt");
    }
}
