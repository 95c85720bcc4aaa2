package io.runbookbot.llm;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link InvestigationFixture} in its own temporary folder for every test, closed after it. */
abstract class WithInvestigationFixture {
    @TempDir
    Path dir;

    @AutoClose
    InvestigationFixture fx;

    @BeforeEach
    final void startFixture() throws IOException {
        fx = new InvestigationFixture(dir);
    }
}
