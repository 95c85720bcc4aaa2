package io.runbookbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
            if (SlackButtonValue.OPEN.equals(action.getActionId())) {
                return ctx.ack(); // a link button: Slack opened the URL, nothing to answer
            }
            SlackReplies.Responder privately = m -> ctx.respond(r -> r.responseType("ephemeral")
                    .replaceOriginal(false)
                    .text(m.text())
                    .blocks(SlackReplies.blocks(m)));
            String channel = channel(p);
            if (SlackRunForm.OPEN.equals(action.getActionId())) {
                SlackRunFormActions.open(ctx, p, value(action), channel, executor, engine, callers, privately);
                return ctx.ack();
            }
            if (SlackRunShare.SHARE.equals(action.getActionId())) {
                share(executor, ctx, p, value(action), channel, privately);
                return ctx.ack();
            }
            BotRequest request;
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
            SlackReplies.answer(
                    executor,
                    "button answer",
                    () -> engine.reply(callers.of(p.getUser().getId(), channel, ctx.client()), request),
                    reply -> reply(ctx, privately, p, channel, request, reply),
                    text -> privately.send(SlackAnswerFormatter.text(text)));
            return ctx.ack();
        });
    }

    /**
     * Posts a diagnostic's output to the channel for everyone, from the copy its Share button
     * carries, with who shared it; the check is not run again.
     */
    private static void share(
            Executor executor,
            ActionContext ctx,
            BlockActionPayload p,
            String value,
            String channel,
            SlackReplies.Responder privately) {
        SlackReplies.answer(
                executor,
                "shared output",
                () -> CompletableFuture.completedFuture(value),
                carried -> {
                    DiagnosticReport.Ran ran;
                    try {
                        ran = SlackRunShare.decode(carried);
                    } catch (IllegalArgumentException e) {
                        LOG.warn("A Share button carries a value the bot did not write; telling the user");
                        privately.send(SlackAnswerFormatter.text(UNREADABLE));
                        return;
                    }
                    if (channel.isEmpty()) {
                        privately.send(SlackAnswerFormatter.text("There is no channel to share this in."));
                        return;
                    }
                    SlackReplies.post(
                            ctx.client(),
                            channel,
                            SlackDiagnosticFormatter.sharedBy(ran, p.getUser().getId()));
                },
                text -> privately.send(SlackAnswerFormatter.text(text)));
    }

    private static String value(BlockActionPayload.Action action) {
        return Objects.requireNonNullElse(action.getValue(), "");
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
        if (request instanceof BotRequest.Feedback vote && message != null && message.getBlocks() != null) {
            Optional<List<LayoutBlock>> counted =
                    SlackVotes.withVote(message.getBlocks(), p.getUser().getId(), vote.helpful());
            if (counted.isPresent() && fromPrivate) {
                ctx.respond(r -> r.responseType("ephemeral")
                        .replaceOriginal(true)
                        .text(message.getText())
                        .blocks(counted.get()));
            } else if (counted.isPresent() && !channel.isEmpty()) {
                update(ctx, channel, message, counted.get(), "the votes");
            }
        }
        if (request instanceof BotRequest.Feedback || fromPrivate || channel.isEmpty()) {
            SlackReplies.respond(
                    ephemeral,
                    fromPrivate ? SlackAnswerFormatter.privately(reply) : SlackAnswerFormatter.format(reply));
            return;
        }
        String thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
        SlackReplies.postInThread(ctx.client(), channel, thread, SlackAnswerFormatter.format(reply));
        trace(ctx, channel, message, SlackRunTrace.line(reply, p.getUser().getId(), Instant.now()));
    }

    /** Notes a Run or Confirm click on the message it was made on; a refusal is only logged. */
    private static void trace(ActionContext ctx, String channel, Message message, Optional<String> line) {
        if (line.isEmpty() || message.getBlocks() == null) {
            return;
        }
        SlackRunTrace.withLine(message.getBlocks(), line.get())
                .ifPresent(blocks -> update(ctx, channel, message, blocks, "the run"));
    }

    /** {@code chat.update} of the clicked message; a refusal is only logged (the answer was sent). */
    private static void update(
            ActionContext ctx, String channel, Message message, List<LayoutBlock> blocks, String what) {
        try {
            ChatUpdateResponse updated = ctx.client()
                    .chatUpdate(r -> r.channel(channel)
                            .ts(message.getTs())
                            .text(message.getText())
                            .blocks(blocks));
            if (!updated.isOk()) {
                LOG.warn("Slack refused to note {} on its message (chat.update: {})", what, updated.getError());
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not note {} on its message ({})", what, e.toString());
        }
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
