package io.runbookbot.app;

import io.runbookbot.alert.AlertAuth;
import io.runbookbot.alert.AlertComposer;
import io.runbookbot.alert.AlertDispatcher;
import io.runbookbot.alert.AlertJournal;
import io.runbookbot.alert.AlertMessageStore;
import io.runbookbot.alert.AlertRoute;
import io.runbookbot.alert.AlertRouteException;
import io.runbookbot.alert.AlertRoutes;
import io.runbookbot.alert.PacerSettings;
import io.runbookbot.alert.UrlPrefix;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert path of {@code serve}: the route file and URL prefixes checked at start, the journal
 * and message store opened (their recovery logged), the dispatcher posting through whichever chat
 * front ends are up, and the webhook for the HTTP listener.
 */
final class AlertService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final AlertDispatcher dispatcher;
    private final AlertWebhook webhook;

    private AlertService(AlertDispatcher dispatcher, AlertWebhook webhook) {
        this.dispatcher = dispatcher;
        this.webhook = webhook;
    }

    /**
     * @param configured the chat platforms configured ("slack", "discord"); a channel on another is refused
     * @param frontEnds  the chat front ends, read when a message is sent (they start after this: until
     *                   then a configured platform is an outage the pacer waits out)
     */
    static AlertService start(
            BotConfig.Alerts config,
            Bot bot,
            Set<String> configured,
            Supplier<List<FrontEnd>> frontEnds,
            Metrics metrics) {
        AlertRoutes routes;
        List<UrlPrefix> prefixes;
        try {
            routes = AlertRoutes.load(config.routes());
            prefixes = config.prefixes().isBlank() ? List.of() : UrlPrefix.parseList(config.prefixes());
        } catch (AlertRouteException | IllegalArgumentException e) {
            throw new ConfigException(Setting.ALERT_ROUTES.variable() + ": " + e.getMessage());
        }
        AlertJournal journal;
        AlertMessageStore store;
        try {
            journal = AlertJournal.open(
                    config.state().resolve("journal"), AlertJournal.Limits.defaults(), Clock.systemUTC());
            store = AlertMessageStore.open(config.state().resolve("groups"));
        } catch (IOException e) {
            throw new ConfigException(
                    Setting.ALERT_STATE.variable() + ": cannot open " + config.state() + " (" + e.getMessage() + ")");
        }
        routesOnMissingPlatforms(routes, configured).forEach(LOG::warn);
        journal.recovery().problems().forEach(p -> LOG.warn("Alert journal: {}", p));
        store.recovery().problems().forEach(p -> LOG.warn("Alert message store: {}", p));
        AlertDispatcher dispatcher = new AlertDispatcher(
                journal,
                store,
                routes,
                new AlertComposer(bot.alertRunbooks(prefixes)),
                Map.of(
                        "slack", destination("slack", configured, frontEnds),
                        "discord", destination("discord", configured, frontEnds)),
                PacerSettings.DEFAULTS,
                Clock.systemUTC(),
                metrics.alertEvents());
        AlertAuth auth = config.token().map(t -> AlertAuth.token(t.reveal())).orElseGet(AlertAuth::none);
        LOG.info(
                "Alerts: POST {} takes Alertmanager webhooks ({} routes from {}, {}); state in {}",
                AlertWebhook.PATH,
                routes.routes().size() + 1,
                config.routes(),
                auth.required() ? "token required" : "no authentication: loopback only",
                config.state());
        return new AlertService(dispatcher, new AlertWebhook(auth, dispatcher, metrics));
    }

    /** A warning for each route channel on a platform that is not configured: its posts will be refused. */
    static List<String> routesOnMissingPlatforms(AlertRoutes routes, Set<String> configured) {
        List<AlertRoute> all = new ArrayList<>(routes.routes());
        all.add(routes.defaultRoute());
        List<String> warnings = new ArrayList<>();
        for (AlertRoute route : all) {
            if (route.slackChannel().isPresent() && !configured.contains("slack")) {
                warnings.add("Alert route " + route.name() + " posts to Slack, but Slack is not configured ("
                        + Setting.SLACK_BOT_TOKEN.variable() + ")");
            }
            if (route.discordChannel().isPresent() && !configured.contains("discord")) {
                warnings.add("Alert route " + route.name() + " posts to Discord, but Discord is not configured ("
                        + Setting.DISCORD_BOT_TOKEN.variable() + ")");
            }
        }
        return warnings;
    }

    AlertWebhook webhook() {
        return webhook;
    }

    /** The front end of {@code platform} as it is when a message goes out: not configured or not up yet is an outage to wait out. */
    static AlertDestination destination(String platform, Set<String> configured, Supplier<List<FrontEnd>> frontEnds) {
        return new AlertDestination() {
            @Override
            public String platform() {
                return platform;
            }

            @Override
            public PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException {
                return current().post(channel, post);
            }

            @Override
            public void update(PostedMessage message, AlertPost post) throws AlertDeliveryException {
                current().update(message, post);
            }

            @Override
            public void note(PostedMessage message, String line) throws AlertDeliveryException {
                current().note(message, line);
            }

            @Override
            public Optional<PostedMessage> find(String channel, String marker, Instant since)
                    throws AlertDeliveryException {
                return current().find(channel, marker, since);
            }

            private AlertDestination current() throws AlertDeliveryException {
                if (!configured.contains(platform)) {
                    throw AlertDeliveryException.refused(
                            platform + " is not configured: a route names a " + platform + " channel");
                }
                return frontEnds.get().stream()
                        .filter(f -> f.name().equals(platform))
                        .findFirst()
                        .flatMap(FrontEnd::alerts)
                        .orElseThrow(
                                () -> AlertDeliveryException.unavailable(platform + " is not connected yet", null));
            }
        };
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
