package io.runbookbot.cli;

import io.runbookbot.TestRunbooks;
import java.nio.file.Path;

/** Where the fixture runbooks ({@link TestRunbooks}) and the shared eval sets are, and verbatim slices of them. */
final class RunbookFixture {
    /** The fixture corpus, as a {@code --runbooks} argument. */
    static final String RUNBOOKS = TestRunbooks.dir();
    /** What ships; only for tests that check the README's examples on purpose. */
    static final String SHIPPED = TestRunbooks.SHIPPED.toString();

    private RunbookFixture() {}

    static Path shared() {
        return Path.of(System.getProperty("runbookbot.shared", "../shared"));
    }

    /** Lines {@code from..to} (1-based, inclusive) of a fixture runbook, joined with newlines. */
    static String lines(String file, int from, int to) {
        return TestRunbooks.lines(file, from, to);
    }
}
