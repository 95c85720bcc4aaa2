package io.runbookbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.Message;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons: run a diagnostic, next match, helpful / not helpful, confirm. The clicking user is
 * the caller. Results go into the clicked message's thread; votes, and clicks on ephemeral
 * messages, are answered privately through the {@code response_url}.
 */
final class SlackActions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackActions.class);
    /** What the user sees after clicking a button whose value the bot cannot read. */
    static final String UNREADABLE = "This button could not be read (it was not made by this bot, or it was"
            + " changed), so nothing was done. Ask me again.";

    private SlackActions() {}

    static void register(App app, ChatEngine engine, Executor executor, SlackCallers callers) {
        app.blockAction(Pattern.compile("^" + SlackButtonValue.PREFIX + ".*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            BlockActionPayload.Action action = p.getActions().get(0);
            BotRequest request;
            SlackReplies.Responder privately = m -> ctx.respond(r -> r.responseType("ephemeral")
                    .replaceOriginal(false)
                    .text(m.text())
                    .blocks(SlackReplies.blocks(m)));
            try {
                request = SlackButtonValue.decode(
                        action.getActionId(), Objects.requireNonNullElse(action.getValue(), ""));
            } catch (RuntimeException e) {
                LOG.warn("Button {} carries a value the bot did not write; telling the user", action.getActionId());
                SlackReplies.answer(
                        executor,
                        "unreadable button notice",
                        () -> CompletableFuture.completedFuture(SlackAnswerFormatter.text(UNREADABLE)),
                        m -> SlackReplies.respond(privately, m),
                        text -> privately.send(SlackAnswerFormatter.text(text)));
                return ctx.ack();
            }
            String channel = channel(p);
            SlackReplies.answer(
                    executor,
                    "button answer",
                    () -> engine.reply(callers.of(p.getUser().getId(), channel, ctx.client()), request),
                    reply -> reply(ctx, privately, p, channel, request, reply),
                    text -> privately.send(SlackAnswerFormatter.text(text)));
            return ctx.ack();
        });
    }

    private static void reply(
            ActionContext ctx,
            SlackReplies.Responder ephemeral,
            BlockActionPayload p,
            String channel,
            BotRequest request,
            BotReply reply)
            throws Exception {
        Message message = p.getMessage();
        boolean fromPrivate =
                message == null || p.getContainer() != null && p.getContainer().isEphemeral();
        if (p.getActions().get(0).getActionId().equals(SlackButtonValue.SHARE) && !channel.isEmpty()) {
            SlackReplies.post(
                    ctx.client(),
                    channel,
                    SlackAnswerFormatter.sharedBy(reply, p.getUser().getId()));
            return;
        }
        if (request instanceof BotRequest.Feedback || fromPrivate || channel.isEmpty()) {
            SlackReplies.respond(
                    ephemeral,
                    fromPrivate ? SlackAnswerFormatter.privately(reply) : SlackAnswerFormatter.format(reply));
            return;
        }
        String thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
        SlackReplies.postInThread(ctx.client(), channel, thread, SlackAnswerFormatter.format(reply));
    }

    private static String channel(BlockActionPayload p) {
        if (p.getChannel() != null && p.getChannel().getId() != null) {
            return p.getChannel().getId();
        }
        return p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId()
                : "";
    }
}
