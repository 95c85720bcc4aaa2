package io.runbookbot.discord;

import io.runbookbot.core.Caller;
import io.runbookbot.core.IncidentIds;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the engine on the worker threads and sends its reply to Discord: never on JDA's event thread,
 * never lost silently (a failure is logged with an incident id and the user gets a sentence with
 * that id; a full queue is answered with {@link #BUSY}).
 */
final class DiscordSender {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);
    /** What the user sees when an answer could not be sent; the incident id goes in. */
    static final String UNDELIVERED = "Sorry, I could not send this answer (incident %s).";
    /** What the user sees when every answer thread is busy and the queue is full. */
    static final String BUSY = "I am answering too many questions right now; ask me again in a minute.";

    private final ChatEngine engine;
    private final Executor worker;
    private final DiscordAnswerFormatter formatter;

    DiscordSender(ChatEngine engine, Executor worker, DiscordAnswerFormatter formatter) {
        this.engine = engine;
        this.worker = worker;
        this.formatter = formatter;
    }

    /**
     * How a reply reaches Discord: rendered for its audience, sent, and where a notice goes when
     * that fails.
     */
    record Delivery(
            Function<BotReply, List<MessageCreateData>> render,
            Consumer<List<MessageCreateData>> send,
            Consumer<MessageCreateData> notice) {
        /** Rendered by {@code render}, each message through {@code out}, notices too. */
        static Delivery each(Function<BotReply, List<MessageCreateData>> render, Consumer<MessageCreateData> out) {
            return new Delivery(render, messages -> messages.forEach(out), out);
        }
    }

    /**
     * Answers on the worker: engine, then {@link #deliver}. When the engine fails, the failure is
     * logged with an incident id and a plain sentence with that id is sent as the notice; when that
     * fails too (Discord cannot be reached), the incident id is in the log.
     */
    void send(Caller caller, BotRequest request, Delivery delivery) {
        Runnable ask = () -> {
            try {
                CompletableFuture<BotReply> reply = engine.reply(caller, request);
                if (reply.isDone()) {
                    deliver(caller, reply.join(), delivery);
                } else {
                    reply.thenAccept(r -> later(() -> deliver(caller, r, delivery)));
                }
            } catch (RuntimeException | Error e) {
                undelivered(caller, delivery, e);
            }
        };
        if (!offer(ask)) {
            LOG.warn(
                    "Discord answer refused for {}: every answer thread is busy and the queue is full",
                    caller.qualifiedUserId());
            deliver(caller, new BotReply.Text(BUSY), delivery);
        }
    }

    /** Runs {@code task} on an answer thread; false when they are all taken and the queue is full. */
    boolean offer(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Delivers a reply that came later on an answer thread, or here when they are all taken. */
    private void later(Runnable delivery) {
        if (!offer(delivery)) {
            delivery.run();
        }
    }

    /** Renders the reply and sends its messages in order; a failure is answered with a notice. */
    void deliver(Caller caller, BotReply reply, Delivery delivery) {
        try {
            delivery.send().accept(delivery.render().apply(reply));
        } catch (RuntimeException | Error e) {
            undelivered(caller, delivery, e);
        }
    }

    private void undelivered(Caller caller, Delivery delivery, Throwable e) {
        // Error too, so that the worker never dies silently
        String incident = IncidentIds.next();
        LOG.error(
                "incident {}: could not send a Discord answer to {} in channel {}",
                incident,
                caller.qualifiedUserId(),
                caller.channelId(),
                e);
        try {
            formatter.format(new BotReply.Text(UNDELIVERED.formatted(incident))).forEach(delivery.notice());
        } catch (RuntimeException | Error again) {
            LOG.error("incident {}: the notice could not be sent either ({})", incident, again.toString());
        }
    }

    /** Sends to the person who asked or clicked, them alone. */
    static Consumer<MessageCreateData> privately(IDeferrableCallback event) {
        return data -> event.getHook().setEphemeral(true).sendMessage(data).complete();
    }

    /** The interaction could not be acknowledged: its answer will fail too, and that failure names the incident. */
    static void deferFailed(Throwable failure) {
        LOG.warn("Discord did not take the deferred reply ({}); the answer will try anyway", failure.toString());
    }
}
