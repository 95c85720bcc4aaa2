package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * Who asks the bot to do something, by the immutable ids of the chat platform (never display
 * names, which users can change).
 *
 * @param platform  where the request came from: "slack", "discord", or {@value #LOCAL_PLATFORM}
 *                  for the terminal; set by adapter code, never taken from a message
 * @param userId    the platform's user id ({@code U024BE7LH}, a Discord snowflake)
 * @param roles     role or group ids the platform reports for the user
 * @param channelId the channel or conversation id the request came from; empty when there is none
 * @param incidentChannel whether that channel is one the bot serves as an incident channel (the
 *                  adapter decides, from its configuration)
 */
public record Caller(String platform, String userId, List<String> roles, String channelId, boolean incidentChannel) {
    /** The platform name reserved for the terminal; chat adapters must never use it. */
    public static final String LOCAL_PLATFORM = "cli";

    /**
     * The person at the terminal running {@code runbook-bot} on the host itself: already the
     * host's own shell user, who could run the command without the bot.
     */
    public static final Caller LOCAL_OPERATOR = new Caller(LOCAL_PLATFORM, "local", List.of(), "terminal");

    /** A caller outside any incident channel. */
    public Caller(String platform, String userId, List<String> roles, String channelId) {
        this(platform, userId, roles, channelId, false);
    }

    public Caller {
        requireText(platform, "platform");
        requireText(userId, "userId");
        roles = List.copyOf(roles);
        Objects.requireNonNull(channelId, "channelId");
    }

    /** True for the terminal ({@value #LOCAL_PLATFORM}), whose user is the host's own shell user. */
    public boolean isLocalOperator() {
        return platform.equals(LOCAL_PLATFORM);
    }

    /** {@code platform:userId}: unique across platforms, for rate limits and audit lines. */
    public String qualifiedUserId() {
        return platform + ":" + userId;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
