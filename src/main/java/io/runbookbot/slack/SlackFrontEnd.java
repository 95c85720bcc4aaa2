package io.runbookbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.http.HttpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running Slack front end: Socket Mode when an app token is set, else HTTP mode. */
public final class SlackFrontEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackFrontEnd.class);
    private static final int WORKERS = 16;

    private final SlackBot bot;
    private final Optional<SlackHttpServer> http;
    private final Optional<SocketModeApp> socket;
    private final AlertDestination alerts;

    private SlackFrontEnd(SlackBot bot, Optional<SlackHttpServer> http, Optional<SocketModeApp> socket, App app) {
        this.bot = bot;
        this.alerts = new SlackAlertPoster(app.client());
        this.http = http;
        this.socket = socket;
    }

    /**
     * Connects to Slack (calls {@code auth.test}) and starts serving.
     *
     * @throws SlackStartException naming the real cause: unknown host, refused connection, token
     *                             refused by Slack, port in use, ...
     */
    public static SlackFrontEnd start(SlackSettings settings, ChatEngine engine) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(engine, "engine");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrlPrefix());
        if (!settings.apiUrlPrefix().equals(SlackSettings.SLACK_API)) {
            config.setProxyUrl(null);
        }
        Slack slack = Slack.getInstance(config);
        SlackAuthCheck.check(slack, settings);
        AppConfig.AppConfigBuilder builder = AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken());
        AppConfig appConfig = settings.mode()
                .match(socketMode -> builder, http -> builder.signingSecret(http.signingSecret()))
                .build();
        App app;
        try {
            app = new App(appConfig);
        } catch (IllegalArgumentException e) {
            // Bolt's second auth.test failed after ours passed: its message is all there is
            throw new SlackStartException(String.valueOf(e.getMessage()), e);
        }
        app.use(new SlackRequestGuard(Clock.systemUTC(), SlackRequestGuard.DEFAULT_CAPACITY));
        SlackBot bot = SlackBot.register(app, engine, settings.incidentChannels(), WORKERS);
        try {
            return settings.mode()
                    .match(
                            socketMode -> socketMode(app, bot, socketMode, settings),
                            http -> httpMode(app, bot, http, settings));
        } catch (SlackStartException e) {
            bot.close();
            throw e;
        } catch (RuntimeException e) {
            bot.close();
            throw failed(e);
        }
    }

    private static SlackFrontEnd httpMode(App app, SlackBot bot, SlackSettings.HttpMode http, SlackSettings settings) {
        try {
            SlackHttpServer server = SlackHttpServer.start(app, new InetSocketAddress(http.bind(), http.port()));
            LOG.info("Slack front end started in HTTP mode on {}: {}", server.address(), settings);
            return new SlackFrontEnd(bot, Optional.of(server), Optional.empty(), app);
        } catch (IOException e) {
            throw new SlackStartException("cannot listen on port " + http.port() + " (" + e.getMessage() + ")", e);
        }
    }

    private static SlackFrontEnd socketMode(
            App app, SlackBot bot, SlackSettings.SocketMode mode, SlackSettings settings) {
        try {
            SocketModeApp socket = new SocketModeApp(mode.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
            socket.startAsync();
            LOG.info("Slack front end started in Socket Mode: {}", settings);
            return new SlackFrontEnd(bot, Optional.empty(), Optional.of(socket), app);
        } catch (IOException e) {
            throw new SlackStartException("cannot open the Socket Mode connection (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw failed(e);
        }
    }

    private static SlackStartException failed(Exception e) {
        return new SlackStartException(
                "cannot start (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    /** The HTTP-mode listener's connection counts, empty in Socket Mode. */
    public Optional<HttpListener.Stats> httpStats() {
        return http.map(SlackHttpServer::stats);
    }

    /** Where alert groups are posted, with the bot's token. */
    public AlertDestination alerts() {
        return alerts;
    }

    /** The HTTP-mode port, empty in Socket Mode. */
    public Optional<Integer> httpPort() {
        return http.map(SlackHttpServer::port);
    }

    @Override
    public void close() {
        http.ifPresent(SlackHttpServer::close);
        socket.ifPresent(s -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("Closing the Socket Mode connection failed", e);
            }
        });
        bot.close();
    }
}
