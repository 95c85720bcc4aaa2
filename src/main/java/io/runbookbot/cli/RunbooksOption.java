package io.runbookbot.cli;

import io.runbookbot.core.UserFacingException;
import io.runbookbot.search.markdown.RunbookLoader;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The runbook folder and size cap every searching command shares; the flags ({@code --runbooks},
 * {@code --max-runbook-bytes}) come from the app's settings table.
 */
@Command
public final class RunbooksOption {
    private final Function<CommandSpec, CommandSettings> settings;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public RunbooksOption(Function<CommandSpec, CommandSettings> settings) {
        this.settings = settings;
    }

    public Path dir() {
        return settings.apply(command).runbooks();
    }

    /** A loader with the size cap given. */
    public RunbookLoader loader() {
        try {
            return RunbookLoader.withMaxFileBytes(settings.apply(command).maxRunbookBytes());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--max-runbook-bytes: " + e.getMessage());
        }
    }
}
