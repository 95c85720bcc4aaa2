package io.runbookbot.app;

import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.discord.DiscordFrontEnd;
import io.runbookbot.discord.DiscordSettings;
import io.runbookbot.http.HttpListener;
import io.runbookbot.slack.SlackFrontEnd;
import io.runbookbot.slack.SlackSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE single place where chat front ends are started. Each configured front end is started here
 * and adapted to {@link FrontEnd}; one that is not configured is skipped (the start-up log says
 * why). Bad settings stop {@code serve} with a clear message; a front end that fails to start
 * (Slack unreachable, token refused) is logged with its real cause, named by /readyz and started
 * again in the background ({@link RetryingFrontEnd}), while the others serve.
 */
final class FrontEnds {
    private static final Logger LOG = LoggerFactory.getLogger(FrontEnds.class);
    /** The first pause before a failed front end is started again; pauses double up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);

    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private FrontEnds() {}

    /**
     * Starts every configured front end, each on its own: one that fails to start is returned as a
     * failed front end. Throws {@link ConfigException} on bad settings (closing those already started).
     */
    static List<FrontEnd> start(BotConfig config, ChatEngine engine) {
        List<FrontEnd> started = new ArrayList<>();
        try {
            config.slack().ifPresent(s -> started.add(slack(s, engine)));
            config.discord().ifPresent(d -> started.add(discord(d, engine)));
        } catch (RuntimeException e) {
            started.forEach(FrontEnd::close);
            throw e;
        }
        if (started.isEmpty()) {
            LOG.info("No chat front end is configured: serving only /healthz, /readyz and /metrics");
        }
        return List.copyOf(started);
    }

    private static FrontEnd slack(BotConfig.Slack config, ChatEngine engine) {
        SlackSettings settings =
                new SlackSettings(config.botToken().reveal(), mode(config), config.incidentChannels(), config.apiUrl());
        return started("slack", "Slack", () -> {
            SlackFrontEnd slack = SlackFrontEnd.start(settings, engine);
            // Socket Mode reconnects on its own and HTTP mode is listening: started means serving
            return adapter("slack", () -> true, slack, slack::httpStats, slack.alerts());
        });
    }

    private static FrontEnd discord(BotConfig.Discord config, ChatEngine engine) {
        DiscordSettings settings = new DiscordSettings(
                config.botToken().reveal(), config.restUrl(), config.gatewayUrl(), config.incidentChannels());
        return started("discord", "Discord", () -> {
            DiscordFrontEnd discord = DiscordFrontEnd.start(settings, engine);
            return adapter(
                    "discord",
                    () -> discord.jda().getStatus() == JDA.Status.CONNECTED,
                    discord,
                    Optional::empty,
                    discord.alerts());
        });
    }

    /**
     * Socket Mode when an app token is set, else HTTP mode: {@link BotConfigLoader} already refused a
     * bot token with neither, so the signing secret is there.
     */
    private static SlackSettings.Mode mode(BotConfig.Slack config) {
        return config.appToken()
                .<SlackSettings.Mode>map(token -> new SlackSettings.SocketMode(token.reveal()))
                .orElseGet(() -> new SlackSettings.HttpMode(
                        config.signingSecret().orElseThrow().reveal(), config.httpPort(), config.httpBind()));
    }

    /**
     * The started front end, or one that says why it failed (logged with the stack trace) and
     * keeps trying in the background.
     */
    private static FrontEnd started(String name, String platform, Supplier<FrontEnd> start) {
        return RetryingFrontEnd.start(name, platform, start, FIRST_RETRY, MAX_RETRY);
    }

    /** A front end that did not start: never ready, nothing to close. */
    static FrontEnd failed(String name, String cause) {
        return new FrontEnd() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ready() {
                return false;
            }

            @Override
            public Optional<String> startFailure() {
                return Optional.of(cause);
            }

            @Override
            public void close() {
                // nothing was started
            }
        };
    }

    private static FrontEnd adapter(
            String name,
            BooleanSupplier ready,
            AutoCloseable frontEnd,
            Supplier<Optional<HttpListener.Stats>> stats,
            AlertDestination alerts) {
        return new FrontEnd() {
            @Override
            public Optional<AlertDestination> alerts() {
                return Optional.of(alerts);
            }

            @Override
            public Optional<HttpListener.Stats> httpStats() {
                return stats.get();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ready() {
                return ready.getAsBoolean();
            }

            @Override
            public void close() {
                try {
                    frontEnd.close();
                } catch (Exception e) {
                    LOG.warn("Stopping the {} front end failed", name, e);
                }
            }
        };
    }
}
