package io.runbookbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.http.HttpListener;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private SlackFrontEnd(SlackBot bot, Optional<SlackHttpServer> http, Optional<SocketModeApp> socket) {
        this.bot = bot;
        this.http = http;
        this.socket = socket;
    }

    /** Connects to Slack (calls {@code auth.test}) and starts serving; throws on bad settings or I/O. */
    public static SlackFrontEnd start(SlackSettings settings, BotEngine engine) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(engine, "engine");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrlPrefix());
        if (!settings.apiUrlPrefix().equals(SlackSettings.SLACK_API)) {
            config.setProxyUrl(null);
        }
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder().slack(Slack.getInstance(config))
                .singleTeamBotToken(settings.botToken());
        settings.signingSecret().ifPresent(appConfig::signingSecret);
        App app = new App(appConfig.build());
        app.use(new SlackRequestGuard(Clock.systemUTC(), SlackRequestGuard.DEFAULT_CAPACITY));
        SlackBot bot = SlackBot.register(app, engine, settings.incidentChannels(), WORKERS);
        try {
            if (settings.socketMode()) {
                SocketModeApp socket = new SocketModeApp(settings.appToken().orElseThrow(),
                        SocketModeClient.Backend.JavaWebSocket, app);
                socket.startAsync();
                LOG.info("Slack front end started in Socket Mode: {}", settings);
                return new SlackFrontEnd(bot, Optional.empty(), Optional.of(socket));
            }
            SlackHttpServer server = SlackHttpServer.start(app,
                    new InetSocketAddress(settings.httpBind(), settings.httpPort()));
            LOG.info("Slack front end started in HTTP mode on {}: {}", server.address(), settings);
            return new SlackFrontEnd(bot, Optional.of(server), Optional.empty());
        } catch (IOException e) {
            bot.close();
            throw new UncheckedIOException("Slack front end failed to start", e);
        } catch (Exception e) {
            bot.close();
            throw new IllegalStateException("Slack front end failed to start", e);
        }
    }

    /** The HTTP-mode listener's connection counts, empty in Socket Mode. */
    public Optional<HttpListener.Stats> httpStats() {
        return http.map(SlackHttpServer::stats);
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
