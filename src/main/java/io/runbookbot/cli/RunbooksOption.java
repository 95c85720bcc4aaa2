package io.runbookbot.cli;

import io.runbookbot.core.UserFacingException;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runbooks DIR} option every command shares. */
public final class RunbooksOption {
    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "${env:RUNBOOK_BOT_RUNBOOKS:-runbooks}",
            description = "Folder of Markdown runbooks, searched recursively (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("runbooks");

    @Option(names = "--max-runbook-bytes", paramLabel = "BYTES",
            defaultValue = "${env:RUNBOOK_BOT_MAX_RUNBOOK_BYTES:-1048576}",
            description = "Runbook files larger than this are skipped with a warning (default: ${DEFAULT-VALUE}).")
    long maxBytes = RunbookLoader.DEFAULT_MAX_FILE_BYTES;

    public Path dir() {
        return dir;
    }

    /** A loader with the size cap given. */
    public RunbookLoader loader() {
        try {
            return RunbookLoader.withMaxFileBytes(maxBytes);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--max-runbook-bytes: " + e.getMessage());
        }
    }
}
