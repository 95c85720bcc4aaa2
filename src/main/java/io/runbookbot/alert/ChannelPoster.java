package io.runbookbot.alert;

/**
 * Posts (or updates) one message in one chat channel: implemented for Slack and for Discord, used by
 * {@link ChatPacer}, which decides when to call it. Called on the pacer's thread, one call at a time
 * per channel. An exception it throws counts as {@link PostAttempt#unavailable}.
 *
 * @param <M> what a message is for the platform
 */
@FunctionalInterface
public interface ChannelPoster<M> {
    PostAttempt post(String channel, M message);
}
