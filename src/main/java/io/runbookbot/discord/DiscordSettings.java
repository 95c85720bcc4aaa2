package io.runbookbot.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord. The token arrives checked by the app's settings table, the one place its
 * shape is validated; this record only carries it.
 *
 * @param token       the bot token (three dot-separated base64url parts, no "Bot " prefix); never
 *                    logged, and left out of {@link #toString()}
 * @param restBaseUrl another REST API base, e.g. {@code http://127.0.0.1:PORT/api/v10/} (tests)
 * @param gatewayUrl  another gateway WebSocket URL, e.g. {@code ws://127.0.0.1:PORT/} (tests)
 * @param incidentChannels channel ids or name patterns where the bot answers symptoms unasked
 */
public record DiscordSettings(
        String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl, List<String> incidentChannels) {
    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        incidentChannels = List.copyOf(incidentChannels);
    }

    /** Settings without incident channels. */
    public DiscordSettings(String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl) {
        this(token, restBaseUrl, gatewayUrl, List.of());
    }

    /** Settings for the real Discord. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=****, restBaseUrl=" + restBaseUrl.orElse("(Discord)") + ", gatewayUrl="
                + gatewayUrl.orElse("(Discord)") + ", incidentChannels=" + incidentChannels + "]";
    }
}
