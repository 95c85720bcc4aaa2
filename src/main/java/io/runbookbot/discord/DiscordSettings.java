package io.runbookbot.discord;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Discord.
 *
 * @param token       the bot token (three dot-separated base64url parts, no "Bot " prefix); never
 *                    logged, and left out of {@link #toString()}
 * @param restBaseUrl another REST API base, e.g. {@code http://127.0.0.1:PORT/api/v10/} (tests)
 * @param gatewayUrl  another gateway WebSocket URL, e.g. {@code ws://127.0.0.1:PORT/} (tests)
 * @throws IllegalArgumentException when the token is malformed (the message never quotes it)
 */
public record DiscordSettings(String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{16,}");

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            throw new IllegalArgumentException("Discord token: give the bare bot token, without the \"Bot \" prefix");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("Discord token is malformed (" + token.length() + " characters): expected"
                    + " the bot token from the Developer Portal's Bot page, three dot-separated parts of letters,"
                    + " digits, '-' and '_'");
        }
    }

    /** Settings for the real Discord. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=****, restBaseUrl=" + restBaseUrl.orElse("(Discord)") + ", gatewayUrl="
                + gatewayUrl.orElse("(Discord)") + "]";
    }
}
