package io.runbookbot.app;

import io.runbookbot.cli.AgentCommand;
import io.runbookbot.cli.AskCommand;
import io.runbookbot.cli.CommandSettings;
import io.runbookbot.cli.DiagnosticsCommand;
import io.runbookbot.cli.DiagnosticsOptions;
import io.runbookbot.cli.InvestigateCommand;
import io.runbookbot.cli.OllamaOptions;
import io.runbookbot.cli.RunCommand;
import io.runbookbot.cli.RunbooksOption;
import io.runbookbot.cli.TerminalBot;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Creates the commands, handing the environment lookup to those that read secrets and the settings
 * of the table (flags over environment over {@code --config}) to the option groups.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Function<String, Optional<String>> environment;
    private final Function<CommandSpec, CommandSettings> settings;
    private final TerminalBot.Factory bots;

    CommandFactory(Function<String, Optional<String>> environment) {
        this.environment = environment;
        this.settings = spec -> new CliSettings(SettingOptions.values(spec, environment));
        this.bots = (spec, needs) -> Bot.open(
                BotConfigLoader.terminal(SettingOptions.values(spec, environment)),
                environment,
                Bot.Profile.terminal(needs));
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == AgentCommand.class) {
            return cls.cast(new AgentCommand(environment));
        }
        if (cls == ServeCommand.class) {
            return cls.cast(new ServeCommand(environment));
        }
        if (cls == AlertCommand.class) {
            return cls.cast(new AlertCommand(environment));
        }
        if (cls == RunCommand.class) {
            return cls.cast(new RunCommand(bots));
        }
        if (cls == InvestigateCommand.class) {
            return cls.cast(new InvestigateCommand(bots));
        }
        if (cls == DiagnosticsCommand.class) {
            return cls.cast(new DiagnosticsCommand(bots));
        }
        if (cls == AskCommand.class) {
            return cls.cast(new AskCommand(bots));
        }
        if (cls == RunbooksOption.class) {
            return cls.cast(new RunbooksOption(settings));
        }
        if (cls == OllamaOptions.class) {
            return cls.cast(new OllamaOptions(settings));
        }
        if (cls == DiagnosticsOptions.class) {
            return cls.cast(new DiagnosticsOptions(settings));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
