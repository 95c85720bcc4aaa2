package io.runbookbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fixture corpus: a frozen copy, in src/test/resources/runbooks, of the runbooks and allowlist
 * that shipped in runbooks/ when the tests that pin files, line numbers, headings or ranks were
 * written. Those tests read this copy, so the shipped runbooks may change without breaking them.
 * Only tests that deliberately check what ships (the README's examples, the shipped allowlist, the
 * image) read {@link #SHIPPED}, and say so.
 */
public final class TestRunbooks {
    /** The fixture corpus (five runbooks and an allowlist), relative to the project folder. */
    public static final Path DIR = Path.of("src", "test", "resources", "runbooks");
    /** What ships in the jar and the image; only for tests that check the shipped files on purpose. */
    public static final Path SHIPPED = Path.of("runbooks");

    private TestRunbooks() {}

    /** {@link #DIR} as a command-line argument. */
    public static String dir() {
        return DIR.toString();
    }

    /** The fixture allowlist. */
    public static Path allowlist() {
        return DIR.resolve("allowlist.yaml");
    }

    /** Lines {@code from..to} (1-based, inclusive) of a fixture runbook, joined with newlines. */
    public static String lines(String file, int from, int to) {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve(file));
            return String.join("\n", lines.subList(from - 1, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
