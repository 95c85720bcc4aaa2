package io.runbookbot.app;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the bot until SIGTERM. Settings come from environment variables and,
 * optionally, a YAML file of the same names (the environment wins); see {@link BotConfigLoader}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the configured chat front ends plus /healthz, /readyz and /metrics.",
            "Each setting below is its flag, else its environment variable, else its key in the --config file."
        })
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** The line printed once everything is up; tests and scripts find the HTTP port in it. */
    static final String READY = "runbook-bot ready: http port ";

    private final Function<String, Optional<String>> environment;

    @Spec
    CommandSpec spec;

    public ServeCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        SettingValues values = SettingOptions.values(spec, environment);
        BotConfig settings = BotConfigLoader.load(values);
        LOG.info("Effective settings:\n  {}", String.join("\n  ", values.summary(spec.name())));
        StopSignal signal = StopSignal.install();
        try (BotServer server = BotServer.start(settings, environment)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(READY + server.httpPort() + " (/healthz /readyz /metrics); front ends: "
                    + (server.frontEnds().isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    server.frontEnds().stream()
                                            .map(f -> f.name()
                                                    + (f.startFailure().isPresent()
                                                            ? " (failed to start, see /readyz)"
                                                            : ""))
                                            .toList())));
            out.flush();
            signal.awaitStop();
            LOG.info("Stopping: front ends, HTTP, watcher, index, logs");
        } finally {
            signal.stopped();
        }
        LOG.info("Stopped");
        System.out.flush();
        System.err.flush();
        return 0;
    }
}
