package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.runbookbot.core.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends replies back to Slack and builds callers; shared by the event and button handlers. */
final class SlackReplies {
    static final String PLATFORM = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);

    private SlackReplies() {
    }

    /** The caller for a Slack user id (never a display name); no roles are mapped from Slack. */
    static Caller caller(String userId, String channelId) {
        return new Caller(PLATFORM, userId, List.of(), channelId);
    }

    /** {@code chat.postMessage} in the thread that starts at {@code threadTs}. */
    static void postInThread(MethodsClient client, String channel, String threadTs, SlackMessage message) {
        try {
            ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(message.text()).blocks(blocks(message)));
            if (!posted.isOk()) {
                LOG.warn("chat.postMessage to {} failed: {}", channel, posted.getError());
            }
        } catch (Exception e) {
            LOG.warn("chat.postMessage to {} failed", channel, e);
        }
    }

    /** The blocks, or null (= leave the field out) when there are none: Slack refuses {@code "blocks":[]}. */
    static @Nullable List<LayoutBlock> blocks(SlackMessage message) {
        return message.blocks().isEmpty() ? null : message.blocks();
    }

    /** Runs a reply task, logging what it throws (the executor would swallow it). */
    static Runnable logged(String what, ThrowingRunnable task) {
        return () -> {
            try {
                task.run();
            } catch (Exception | Error e) {
                // Error too, so that a worker never dies silently
                LOG.warn("Slack {} failed", what, e);
            }
        };
    }

    /** A task that may throw (Slack's clients throw IOException and SlackApiException). */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
