package io.runbookbot.cli;

import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What may run and where: allowlist, agents, audit log. The flags come from the app's settings
 * table; the allowlist is the one named, else {@code allowlist.yaml} in the runbook folder.
 */
@Command
public final class DiagnosticsOptions {
    private final Function<CommandSpec, CommandSettings> settings;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public DiagnosticsOptions(Function<CommandSpec, CommandSettings> settings) {
        this.settings = settings;
    }

    private CommandSettings settings() {
        return settings.apply(command);
    }

    /** Where the allowlist is, or a clear error saying none was found. */
    Path allowlistFile() {
        return settings().requireAllowlist();
    }
}
