package io.runbookbot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runbooks DIR} option every command shares. */
public final class RunbooksOption {
    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "${env:RUNBOOK_BOT_RUNBOOKS:-runbooks}",
            description = "Folder of Markdown runbooks, searched recursively (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("runbooks");

    public Path dir() {
        return dir;
    }
}
