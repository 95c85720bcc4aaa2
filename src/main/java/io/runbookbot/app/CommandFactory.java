package io.runbookbot.app;

import io.runbookbot.cli.AgentCommand;
import io.runbookbot.cli.InvestigateCommand;
import io.runbookbot.cli.RunCommand;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/** Creates the commands, handing the environment lookup to those that read secrets. */
final class CommandFactory implements CommandLine.IFactory {
    private final Function<String, Optional<String>> environment;

    CommandFactory(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == AgentCommand.class) {
            return cls.cast(new AgentCommand(environment));
        }
        if (cls == ServeCommand.class) {
            return cls.cast(new ServeCommand(environment));
        }
        if (cls == RunCommand.class) {
            return cls.cast(new RunCommand(environment));
        }
        if (cls == InvestigateCommand.class) {
            return cls.cast(new InvestigateCommand(environment));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
