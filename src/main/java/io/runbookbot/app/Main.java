package io.runbookbot.app;

import io.runbookbot.cli.AgentCommand;
import io.runbookbot.cli.AskCommand;
import io.runbookbot.cli.BenchCommand;
import io.runbookbot.cli.DiagnosticsCommand;
import io.runbookbot.cli.EvalCommand;
import io.runbookbot.cli.InvestigateCommand;
import io.runbookbot.cli.RunCommand;
import io.runbookbot.cli.SearchCommand;
import io.runbookbot.core.UserFacingException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code runbook-bot} command line. */
@Command(
        name = "runbook-bot",
        mixinStandardHelpOptions = true,
        version = "runbook-bot 0.1.0",
        description = "Answers incident questions with the matching section of your runbooks.",
        subcommands = {
            AskCommand.class,
            SearchCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            DiagnosticsCommand.class,
            RunCommand.class,
            AgentCommand.class,
            ServeCommand.class,
            AlertCommand.class,
            SlackManifestCommand.class,
            InvestigateCommand.class
        })
public final class Main implements Callable<Integer> {
    /** Exit code when no command was given: the usage goes to standard error. */
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        TerminalSafeOutput.install();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return commandLine(Environment.variables());
    }

    /** The command line over another environment (tests). */
    public static CommandLine commandLine(Function<String, Optional<String>> environment) {
        CommandLine cli = new CommandLine(new Main(), new CommandFactory(environment));
        SettingOptions.install(cli);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserFacingException) {
                cmd.getErr().println("runbook-bot: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** No command given: the usage, built by the configured command line (its factory makes the options). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
