package io.runbookbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the bundled runbooks and the shared eval sets are, and verbatim slices of them. */
final class RunbookFixture {
    static final String RUNBOOKS = "runbooks";

    private RunbookFixture() {
    }

    static Path shared() {
        return Path.of(System.getProperty("runbookbot.shared", "../shared"));
    }

    /** Lines {@code from..to} (1-based, inclusive) of a bundled runbook, joined with newlines. */
    static String lines(String file, int from, int to) {
        try {
            List<String> lines = Files.readAllLines(Path.of(RUNBOOKS, file));
            return String.join("\n", lines.subList(from - 1, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
