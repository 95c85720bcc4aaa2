package io.runbookbot.slack;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the Slack front end connects: Socket Mode (app token) or HTTP mode (signing secret, port,
 * address), one or the other by type. The values arrive checked by the app's settings table, the
 * one place tokens, ports, the API URL and the choice of mode are validated; this record only
 * carries them. Token values never appear in {@link #toString()}.
 *
 * @param botToken         {@code xoxb-...}
 * @param incidentChannels channel ids or name patterns ({@code inc-*}) where the bot answers unasked
 * @param apiUrlPrefix     the Web API base, {@value #SLACK_API}; another value (a test fake) also
 *                         bypasses any HTTP proxy from the environment
 */
public record SlackSettings(String botToken, Mode mode, List<String> incidentChannels, String apiUrlPrefix) {
    public static final String SLACK_API = "https://slack.com/api/";

    /** How Slack reaches the bot. */
    public sealed interface Mode permits SocketMode, HttpMode {
        /** The result for whichever mode this is: every caller handles both. */
        <R> R match(Function<SocketMode, R> socket, Function<HttpMode, R> http);
    }

    /** @param appToken {@code xapp-...}, an app-level token with connections:write */
    public record SocketMode(String appToken) implements Mode {
        public SocketMode {
            Objects.requireNonNull(appToken, "appToken");
        }

        @Override
        public <R> R match(Function<SocketMode, R> socket, Function<HttpMode, R> http) {
            return socket.apply(this);
        }

        @Override
        public String toString() {
            return "socket";
        }
    }

    /**
     * @param signingSecret verifies each request
     * @param port          the port to listen on (0 = any free port)
     * @param bind          the address to listen on
     */
    public record HttpMode(String signingSecret, int port, InetAddress bind) implements Mode {
        public HttpMode {
            Objects.requireNonNull(signingSecret, "signingSecret");
            Objects.requireNonNull(bind, "bind");
        }

        @Override
        public <R> R match(Function<SocketMode, R> socket, Function<HttpMode, R> http) {
            return http.apply(this);
        }

        @Override
        public String toString() {
            return "http " + bind.getHostAddress() + " port " + port;
        }
    }

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(mode, "mode");
        incidentChannels = List.copyOf(incidentChannels);
        Objects.requireNonNull(apiUrlPrefix, "apiUrlPrefix");
    }

    public boolean socketMode() {
        return mode instanceof SocketMode;
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", botToken=xoxb-****, incidentChannels=" + incidentChannels
                + ", apiUrlPrefix=" + apiUrlPrefix + "]";
    }
}
