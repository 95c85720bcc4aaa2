package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import io.runbookbot.core.Caller;
import io.runbookbot.core.IncidentIds;
import io.runbookbot.core.chat.TextChunks;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies back to Slack and builds callers; shared by the event and button handlers. Every
 * delivery ends in something the user sees, or in a logged incident id when Slack cannot be
 * reached: a message Slack refuses is replaced by a plain sentence naming Slack's error and the
 * incident id; a reply task that fails is answered with that sentence.
 */
final class SlackReplies {
    static final String PLATFORM = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);

    /** What the user sees when every answer thread is busy and the queue is full. */
    static final String BUSY = "I am answering too many questions right now; ask me again in a minute.";

    private SlackReplies() {}

    /** The caller for a Slack user id (never a display name); no roles are mapped from Slack. */
    static Caller caller(String userId, String channelId) {
        return new Caller(PLATFORM, userId, List.of(), channelId);
    }

    /**
     * {@code chat.postMessage} in the thread that starts at {@code threadTs}; when Slack refuses the
     * message, a plain sentence saying so in its place.
     *
     * @throws SlackDeliveryException when neither could be posted (the incident is logged)
     */
    static void postInThread(MethodsClient client, String channel, @Nullable String threadTs, SlackMessage message)
            throws Exception {
        ChatPostMessageResponse posted = client.chatPostMessage(
                r -> r.channel(channel).threadTs(threadTs).text(message.text()).blocks(blocks(message)));
        if (posted.isOk()) {
            return;
        }
        String incident = IncidentIds.next();
        LOG.error(
                "incident {}: Slack refused the answer for {} (chat.postMessage: {})",
                incident,
                channel,
                posted.getError());
        ChatPostMessageResponse notice = client.chatPostMessage(
                r -> r.channel(channel).threadTs(threadTs).text(undelivered(posted.getError(), incident)));
        if (!notice.isOk()) {
            throw new SlackDeliveryException(
                    incident, "the notice was refused too (chat.postMessage: " + notice.getError() + ")");
        }
    }

    /**
     * {@code chat.postEphemeral}: only {@code userId} sees it, in the channel; a refusal is logged
     * with an incident id (there is no other way to reach that user there).
     */
    static void postEphemeral(MethodsClient client, String channel, String userId, SlackMessage message)
            throws Exception {
        var posted = client.chatPostEphemeral(
                r -> r.channel(channel).user(userId).text(message.text()).blocks(blocks(message)));
        if (!posted.isOk()) {
            String incident = IncidentIds.next();
            LOG.error(
                    "incident {}: Slack refused the private answer for {} in {} (chat.postEphemeral: {})",
                    incident,
                    userId,
                    channel,
                    posted.getError());
        }
    }

    /** {@code chat.postMessage} to the channel itself (a shared answer), as {@link #postInThread} does. */
    static void post(MethodsClient client, String channel, SlackMessage message) throws Exception {
        postInThread(client, channel, null, message);
    }

    /**
     * A {@code response_url} answer; when Slack refuses it, a plain sentence saying so instead.
     *
     * @throws SlackDeliveryException when neither was taken (the incident is logged)
     */
    static void respond(Responder responder, SlackMessage message) throws Exception {
        WebhookResponse sent = responder.send(message);
        if (accepted(sent)) {
            return;
        }
        String incident = IncidentIds.next();
        LOG.error(
                "incident {}: Slack refused the answer on the response URL (HTTP {}: {})",
                incident,
                sent.getCode(),
                TextChunks.cut(String.valueOf(sent.getBody()), 200));
        WebhookResponse notice = responder.send(new SlackMessage(
                undelivered(
                        "HTTP " + sent.getCode() + " " + TextChunks.cut(String.valueOf(sent.getBody()), 100), incident),
                List.of()));
        if (!accepted(notice)) {
            throw new SlackDeliveryException(incident, "the notice was refused too (HTTP " + notice.getCode() + ")");
        }
    }

    /** The blocks, or null (= leave the field out) when there are none: Slack refuses {@code "blocks":[]}. */
    static @Nullable List<LayoutBlock> blocks(SlackMessage message) {
        return message.blocks().isEmpty() ? null : message.blocks();
    }

    /**
     * Runs a reply task. When it fails (the engine's answer could not be rendered or sent), the
     * failure is logged with an incident id and {@code notice} tells the user that id; when that
     * fails too (Slack cannot be reached), the incident id is in the log.
     */
    /**
     * Asks the engine on {@code executor} (never on Bolt's acknowledging thread) and delivers the
     * reply on it once ready: model work completes elsewhere, so it holds no answer thread.
     */
    static <T> void answer(
            Executor executor, String what, Supplier<CompletableFuture<T>> engine, Delivery<T> deliver, Notice notice) {
        Runnable ask = answering(
                what,
                () -> {
                    CompletableFuture<T> reply = engine.get();
                    if (reply.isDone()) {
                        deliver.send(reply.join());
                    } else {
                        reply.thenAccept(r -> later(executor, answering(what, () -> deliver.send(r), notice)));
                    }
                },
                notice);
        try {
            executor.execute(ask);
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack {} refused: every answer thread is busy and the queue is full", what);
            answering(what, () -> notice.send(BUSY), text -> {}).run();
        }
    }

    /** Delivers a reply that came later on an answer thread, or here when they are all taken. */
    private static void later(Executor executor, Runnable delivery) {
        try {
            executor.execute(delivery);
        } catch (RejectedExecutionException e) {
            delivery.run();
        }
    }

    static Runnable answering(String what, ThrowingRunnable task, Notice notice) {
        return () -> {
            try {
                task.run();
            } catch (SlackDeliveryException e) {
                LOG.error("incident {}: Slack {} could not be delivered: {}", e.incident(), what, e.getMessage());
            } catch (Exception | Error e) {
                // Error too, so that a worker never dies silently
                String incident = IncidentIds.next();
                LOG.error("incident {}: Slack {} failed", incident, what, e);
                try {
                    notice.send("Sorry, I could not deliver this answer (incident " + incident + ").");
                } catch (Exception | Error again) {
                    LOG.error("incident {}: the notice could not be sent either", incident, again);
                }
            }
        };
    }

    private static String undelivered(String slackError, String incident) {
        return "Sorry, Slack did not accept my answer here (" + SlackMarkdown.escape(TextChunks.cut(slackError, 100))
                + "); incident " + incident + ".";
    }

    private static boolean accepted(@Nullable WebhookResponse response) {
        return response != null && response.getCode() != null && response.getCode() / 100 == 2;
    }

    /** A task that may throw (Slack's clients throw IOException and SlackApiException). */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Delivers an engine's reply to Slack. */
    @FunctionalInterface
    interface Delivery<T> {
        void send(T reply) throws Exception;
    }

    /** Sends one message through a {@code response_url}. */
    @FunctionalInterface
    interface Responder {
        WebhookResponse send(SlackMessage message) throws Exception;
    }

    /** Tells the user, in plain text, that an answer failed. */
    @FunctionalInterface
    interface Notice {
        void send(String text) throws Exception;
    }
}
