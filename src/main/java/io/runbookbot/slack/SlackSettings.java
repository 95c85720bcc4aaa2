package io.runbookbot.slack;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Slack front end connects. Socket Mode when an app token is given, else HTTP mode (which
 * needs the signing secret). Token values never appear in messages or {@link #toString()}.
 *
 * @param botToken         {@code xoxb-...}
 * @param appToken         {@code xapp-...}, for Socket Mode
 * @param signingSecret    verifies HTTP-mode requests
 * @param httpPort         the HTTP-mode port (0 = any free port)
 * @param httpBind         the address HTTP mode listens on
 * @param incidentChannels channel ids or name patterns ({@code inc-*}) where the bot answers unasked
 * @param apiUrlPrefix     the Web API base, {@value #SLACK_API}; another value (a test fake) also
 *                         bypasses any HTTP proxy from the environment
 */
public record SlackSettings(String botToken, Optional<String> appToken, Optional<String> signingSecret, int httpPort,
                            InetAddress httpBind, List<String> incidentChannels, String apiUrlPrefix) {
    public static final String SLACK_API = "https://slack.com/api/";
    private static final Pattern BOT_TOKEN = Pattern.compile("xoxb-[A-Za-z0-9-]+");
    private static final Pattern APP_TOKEN = Pattern.compile("xapp-[A-Za-z0-9-]+");

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(httpBind, "httpBind");
        incidentChannels = List.copyOf(incidentChannels);
        Objects.requireNonNull(apiUrlPrefix, "apiUrlPrefix");
        if (!BOT_TOKEN.matcher(botToken).matches()) {
            throw new IllegalArgumentException("Malformed Slack bot token: expected xoxb- followed by letters, digits"
                    + " and dashes (the Bot User OAuth Token of the app's OAuth & Permissions page)");
        }
        if (appToken.isPresent() && !APP_TOKEN.matcher(appToken.get()).matches()) {
            throw new IllegalArgumentException("Malformed Slack app token: expected xapp- followed by letters, digits"
                    + " and dashes (an app-level token with the connections:write scope)");
        }
        if (appToken.isEmpty() && signingSecret.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException("Slack HTTP mode needs the signing secret (or give an app token"
                    + " for Socket Mode)");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("Slack HTTP port out of range: " + httpPort);
        }
        if (!apiUrlPrefix.endsWith("/")) {
            throw new IllegalArgumentException("Slack API URL prefix must end with /: " + apiUrlPrefix);
        }
    }

    /** Production settings against slack.com, HTTP mode on this host only (127.0.0.1). */
    public static SlackSettings of(String botToken, Optional<String> appToken, Optional<String> signingSecret,
                                   int httpPort, List<String> incidentChannels) {
        return new SlackSettings(botToken, appToken, signingSecret, httpPort, InetAddress.getLoopbackAddress(),
                incidentChannels, SLACK_API);
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (socketMode() ? "socket" : "http " + httpBind.getHostAddress() + " port " + httpPort) + ", botToken=xoxb-****"
                + ", incidentChannels=" + incidentChannels + ", apiUrlPrefix=" + apiUrlPrefix + "]";
    }
}
