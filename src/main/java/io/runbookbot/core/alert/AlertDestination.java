package io.runbookbot.core.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * A chat platform that alert posts go to; Slack and Discord implement it. Calls block until the
 * platform answers; pacing and retries are the caller's.
 */
public interface AlertDestination {
    /** "slack" or "discord", as routes and the message store name it. */
    String platform();

    /** Posts a new top-level message for a group, carrying {@link AlertPost#marker()}. */
    PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException;

    /** Replaces the group's message with its new state. */
    void update(PostedMessage message, AlertPost post) throws AlertDeliveryException;

    /** Adds a short line under the group's message (a thread reply) saying what changed. */
    void note(PostedMessage message, String line) throws AlertDeliveryException;

    /**
     * The bot's own top-level message in {@code channel}, posted since {@code since}, that carries
     * {@code marker}: the message of a post the platform took but whose id the bot never recorded
     * (it stopped before it could). Looks back a bounded number of messages. Empty when there is
     * none, or when the platform cannot look back (the default). Throws a refusal when the bot may
     * not read the channel's history (the caller then posts), a retryable failure on an outage.
     */
    default Optional<PostedMessage> find(String channel, String marker, Instant since) throws AlertDeliveryException {
        return Optional.empty();
    }
}
