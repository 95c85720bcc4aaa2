package io.runbookbot.app;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code serve} runs: the {@link Bot} (index, watcher, diagnostics, models, logs), the
 * HTTP endpoints and the chat front ends, each an adapter over the bot's one engine. Closing it
 * stops them in reverse order of starting.
 */
final class BotServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);

    private final Deque<AutoCloseable> resources;
    private final Bot bot;
    private final HealthServer http;
    private final List<FrontEnd> frontEnds;
    /** Set once the front ends have started; the alert dispatcher reads it when it posts. */
    private volatile List<FrontEnd> started = List.of();

    private BotServer(BotConfig config, Function<String, Optional<String>> env, Deque<AutoCloseable> resources) {
        this.resources = resources;
        bot = own(Bot.open(config, env, Bot.Profile.SERVE));
        Metrics metrics = bot.metrics();
        Optional<AlertService> alerts =
                config.alerts().map(a -> own(AlertService.start(a, bot, platforms(config), () -> started, metrics)));
        http = own(HealthServer.start(
                new InetSocketAddress(config.httpBind(), config.httpPort()),
                this::notReady,
                metrics,
                alerts.map(AlertService::webhook)));
        LOG.info(
                "/healthz, /readyz and /metrics listen on {}{}",
                http.address(),
                config.httpBind().isLoopbackAddress()
                        ? " (this host only; set " + Setting.HTTP_BIND.variable()
                                + "=0.0.0.0 for probes from elsewhere)"
                        : "");
        metrics.listener("health", () -> Optional.of(http.stats()));
        frontEnds = FrontEnds.start(config, bot.engine());
        frontEnds.forEach(this::own);
        started = frontEnds;
        frontEnds.forEach(f -> metrics.listener(f.name(), f::httpStats));
    }

    /** The chat platforms whose tokens are set. */
    private static Set<String> platforms(BotConfig config) {
        Set<String> platforms = new HashSet<>();
        config.slack().ifPresent(s -> platforms.add("slack"));
        config.discord().ifPresent(d -> platforms.add("discord"));
        return Set.copyOf(platforms);
    }

    /** Starts everything; if a part fails, the parts already started are closed. */
    static BotServer start(BotConfig config, Function<String, Optional<String>> env) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return new BotServer(config, env, resources);
        } catch (RuntimeException e) {
            while (!resources.isEmpty()) {
                closeQuietly(resources.pop());
            }
            throw e;
        }
    }

    int httpPort() {
        return http.port();
    }

    List<FrontEnd> frontEnds() {
        return frontEnds;
    }

    /**
     * Why the bot is not ready: empty when the runbook folder is there, the index is loaded and
     * every front end is connected; a front end that failed to start is named with its cause.
     */
    List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        if (!Files.isDirectory(bot.runbookDir())) {
            reasons.add("the runbook folder is missing (" + bot.runbookDir() + "); answering from the last index");
        } else if (bot.indexStatus().sections() == 0) {
            reasons.add("the runbook index has no sections (" + bot.runbookDir() + ")");
        }
        frontEnds.stream()
                .filter(f -> !f.ready())
                .forEach(f -> reasons.add(f.name() + ": "
                        + f.startFailure()
                                .map(cause -> "failed to start: " + cause)
                                .orElse("not connected")));
        return reasons;
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Stops the front ends, then HTTP, the watcher and the index, then closes the logs. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
        }
    }
}
