package io.runbookbot.core.alert;

/**
 * A chat platform that alert posts go to; Slack and Discord implement it. Calls block until the
 * platform answers; pacing and retries are the caller's.
 */
public interface AlertDestination {
    /** "slack" or "discord", as routes and the message store name it. */
    String platform();

    /** Posts a new top-level message for a group. */
    PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException;

    /** Replaces the group's message with its new state. */
    void update(PostedMessage message, AlertPost post) throws AlertDeliveryException;

    /** Adds a short line under the group's message (a thread reply) saying what changed. */
    void note(PostedMessage message, String line) throws AlertDeliveryException;
}
