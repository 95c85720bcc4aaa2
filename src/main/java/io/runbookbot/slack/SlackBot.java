package io.runbookbot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.core.chat.IncidentTriage;
import io.runbookbot.core.chat.RequestParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires a Bolt {@link App} to the engine: {@code /runbook}, mentions, incident-channel messages
 * and the buttons. Every handler acks at once and hands the work to an executor; answers go back
 * through {@code response_url} or {@code chat.postMessage} in the thread. Every inbound text is
 * decoded by {@link SlackText} first, so the core sees what the user wrote.
 */
public final class SlackBot implements AutoCloseable {
    public static final String COMMAND = "/runbook";
    /** The message shortcut "Find runbook for this message". */
    static final String FIND_SHORTCUT = "runbook_find";

    private static final int REMEMBERED_EVENTS = 10_000;
    /** Answers that may wait for a free answer thread. */
    static final int QUEUED = 500;

    private final ChatEngine engine;
    private final SlackIncidentChannels incidentChannels;
    private final SlackEventIds events = new SlackEventIds(REMEMBERED_EVENTS);
    private final SlackCallers callers;
    private final ExecutorService executor;

    private SlackBot(ChatEngine engine, List<String> incidentChannels, int workers) {
        this.engine = engine;
        this.incidentChannels = new SlackIncidentChannels(incidentChannels);
        this.callers = new SlackCallers(new SlackUserGroups(Ticker.systemTicker()), this.incidentChannels);
        AtomicInteger n = new AtomicInteger();
        // bounded: past QUEUED waiting answers a request is told the bot is busy instead of queueing forever
        this.executor = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED),
                r -> {
                    Thread t = new Thread(r, "slack-answer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Registers the handlers on {@code app}; close the bot to stop its workers. */
    public static SlackBot register(App app, ChatEngine engine, List<String> incidentChannels, int workers) {
        Objects.requireNonNull(app, "app");
        SlackBot bot = new SlackBot(Objects.requireNonNull(engine, "engine"), List.copyOf(incidentChannels), workers);
        app.command(COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            BotRequest request = RequestParser.parse(SlackText.decode(p.getText(), ctx.getBotUserId()));
            String channel = Objects.requireNonNullElse(p.getChannelId(), "");
            // replaces the "Looking it up…" acknowledgement with the answer
            Responder responseUrl = new Responder(ctx.getSlack(), ctx.getResponseUrl());
            SlackReplies.Responder privately = m -> responseUrl.sendToAction(r -> r.responseType("ephemeral")
                    .replaceOriginal(true)
                    .text(m.text())
                    .blocks(SlackReplies.blocks(m)));
            SlackReplies.answer(
                    bot.executor,
                    "slash command answer",
                    () -> engine.reply(bot.callers.of(p.getUserId(), channel, ctx.client()), request),
                    reply -> SlackReplies.respond(privately, SlackAnswerFormatter.privately(reply)),
                    text -> privately.send(SlackAnswerFormatter.text(text)));
            return ctx.ack(r -> r.responseType("ephemeral").text("Looking it up…"));
        });
        app.messageShortcut(FIND_SHORTCUT, (req, ctx) -> {
            var p = req.getPayload();
            String text = SlackText.decode(
                    p.getMessage() == null ? "" : p.getMessage().getText(), null);
            String channel = p.getChannel() == null
                    ? ""
                    : Objects.requireNonNullElse(p.getChannel().getId(), "");
            Responder responseUrl = new Responder(ctx.getSlack(), p.getResponseUrl());
            SlackReplies.Responder privately = m -> responseUrl.sendToAction(
                    r -> r.responseType("ephemeral").text(m.text()).blocks(SlackReplies.blocks(m)));
            // the message is someone's symptom or pasted log, never a command ("run ..."), whatever it says
            BotRequest request = text.isBlank() ? new BotRequest.Help() : new BotRequest.Ask(text);
            SlackReplies.answer(
                    bot.executor,
                    "message shortcut answer",
                    () -> engine.reply(bot.callers.of(p.getUser().getId(), channel, ctx.client()), request),
                    reply -> SlackReplies.respond(privately, SlackAnswerFormatter.privately(reply)),
                    notice -> privately.send(SlackAnswerFormatter.text(notice)));
            return ctx.ack();
        });
        app.event(
                AppMentionEvent.class, (payload, ctx) -> bot.onMention(payload.getEventId(), payload.getEvent(), ctx));
        app.event(MessageEvent.class, (payload, ctx) -> bot.onMessage(payload.getEventId(), payload.getEvent(), ctx));
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null) {
                SlackReplies.answer(
                        bot.executor,
                        "home tab",
                        () -> CompletableFuture.completedFuture(bot.callers.of(e.getUser(), "", ctx.client())),
                        caller -> SlackHome.publish(engine, caller, ctx.client()),
                        notice -> {});
            }
            return ctx.ack();
        });
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        SlackActions.register(app, engine, bot.executor, bot.callers);
        SlackRunFormActions.register(app, engine, bot.executor, bot.callers);
        return bot;
    }

    private Response onMention(String eventId, AppMentionEvent e, EventContext ctx) {
        if (e.getBotId() != null || e.getUser() == null || !events.firstDelivery(eventId)) {
            return ctx.ack();
        }
        String text = SlackText.mention(e.getText(), ctx.getBotUserId());
        String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        SlackReplies.answer(
                executor,
                "mention answer",
                () -> engine.reply(callers.of(e.getUser(), e.getChannel(), ctx.client()), RequestParser.parse(text)),
                reply -> SlackReplies.postInThread(
                        ctx.client(), e.getChannel(), thread, SlackAnswerFormatter.format(reply)),
                notice -> SlackReplies.postInThread(
                        ctx.client(), e.getChannel(), thread, SlackAnswerFormatter.text(notice)));
        return ctx.ack();
    }

    /** Incident-channel triage: a confident answer to a symptom, in its thread; silence otherwise. */
    private Response onMessage(String eventId, MessageEvent e, EventContext ctx) {
        String raw = e.getText() == null ? "" : e.getText();
        boolean mentionsBot = ctx.getBotUserId() != null && raw.contains("<@" + ctx.getBotUserId());
        if (e.getBotId() != null
                || e.getSubtype() != null
                || e.getUser() == null
                || mentionsBot
                || !events.firstDelivery(eventId)) {
            return ctx.ack();
        }
        String text = SlackText.decode(raw, ctx.getBotUserId());
        if ("im".equals(e.getChannelType())) {
            return onDirectMessage(e, text, ctx);
        }
        if (!IncidentTriage.readsLikeSymptom(text)) {
            return ctx.ack(); // chatter: no search, no thread
        }
        String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        Caller caller = SlackReplies.caller(e.getUser(), e.getChannel());
        SlackReplies.<Optional<BotReply>>answer(
                executor,
                "incident-channel answer",
                () -> incidentChannels.contains(e.getChannel(), ctx.client())
                        ? engine.ambient(caller, text)
                        : CompletableFuture.completedFuture(Optional.empty()),
                reply -> {
                    if (reply.isPresent()) {
                        SlackReplies.postInThread(
                                ctx.client(), e.getChannel(), thread, SlackAnswerFormatter.format(reply.get()));
                    }
                },
                notice -> SlackReplies.postInThread(
                        ctx.client(), e.getChannel(), thread, SlackAnswerFormatter.text(notice)));
        return ctx.ack();
    }

    /** A direct message to the bot: a question (or a command) asked privately, answered there. */
    private Response onDirectMessage(MessageEvent e, String text, EventContext ctx) {
        SlackReplies.answer(
                executor,
                "direct message answer",
                () -> engine.reply(callers.of(e.getUser(), e.getChannel(), ctx.client()), RequestParser.parse(text)),
                reply -> SlackReplies.post(ctx.client(), e.getChannel(), SlackAnswerFormatter.format(reply)),
                notice -> SlackReplies.post(ctx.client(), e.getChannel(), SlackAnswerFormatter.text(notice)));
        return ctx.ack();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
