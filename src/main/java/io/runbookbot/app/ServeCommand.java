package io.runbookbot.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the bot until SIGTERM. Settings come from environment variables and,
 * optionally, a YAML file of the same names (the environment wins); see {@link BotConfigLoader}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the configured chat front ends plus /healthz, /readyz and /metrics.",
            "Settings: RUNBOOK_BOT_RUNBOOKS, RUNBOOK_BOT_ALLOWLIST, RUNBOOK_BOT_AGENTS, RUNBOOK_BOT_AUDIT_LOG,",
            "RUNBOOK_BOT_FEEDBACK_LOG, RUNBOOK_BOT_SOURCE_URL, RUNBOOK_BOT_HTTP_PORT, SLACK_BOT_TOKEN,",
            "SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_HTTP_PORT, RUNBOOK_BOT_INCIDENT_CHANNELS,",
            "DISCORD_BOT_TOKEN (secrets also as NAME_FILE pointing to a mounted file)."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** The line printed once everything is up; tests and scripts find the HTTP port in it. */
    static final String READY = "runbook-bot ready: http port ";

    private final Function<String, Optional<String>> environment;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of settings by variable name; environment variables win over it.")
    @Nullable Path config;

    @Spec
    CommandSpec spec;

    public ServeCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        BotConfig settings = BotConfigLoader.load(environment, Optional.ofNullable(config));
        LOG.info("Effective settings{}:\n  {}", config == null ? "" : " (environment over " + config + ")",
                String.join("\n  ", settings.describe()));
        StopSignal signal = StopSignal.install();
        try (BotServer server = BotServer.start(settings, environment)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(READY + server.httpPort() + " (/healthz /readyz /metrics); front ends: "
                    + (server.frontEnds().isEmpty() ? "none"
                    : String.join(", ", server.frontEnds().stream().map(f -> f.name()
                    + (f.startFailure().isPresent() ? " (failed to start, see /readyz)" : "")).toList())));
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
