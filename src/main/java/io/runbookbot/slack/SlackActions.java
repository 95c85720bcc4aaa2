package io.runbookbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.Message;
import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotEngine;
import io.runbookbot.core.chat.BotRequest;
import java.util.Objects;
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

    private SlackActions() {
    }

    static void register(App app, BotEngine engine, Executor executor) {
        app.blockAction(Pattern.compile("^" + SlackButtonValue.PREFIX + ".*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            BlockActionPayload.Action action = p.getActions().get(0);
            BotRequest request;
            try {
                request = SlackButtonValue.decode(action.getActionId(), Objects.requireNonNullElse(action.getValue(), ""));
            } catch (RuntimeException e) {
                LOG.warn("Ignoring button {} with a value the bot did not write", action.getActionId());
                return ctx.ack();
            }
            String channel = channel(p);
            Caller caller = SlackReplies.caller(p.getUser().getId(), channel);
            executor.execute(SlackReplies.logged("button answer",
                    () -> reply(ctx, p, channel, request, SlackAnswerFormatter.format(engine.handle(caller, request)))));
            return ctx.ack();
        });
    }

    private static void reply(ActionContext ctx, BlockActionPayload p, String channel, BotRequest request,
                              SlackMessage m) throws Exception {
        Message message = p.getMessage();
        boolean privately = request instanceof BotRequest.Feedback || message == null || channel.isEmpty()
                || p.getContainer() != null && p.getContainer().isEphemeral();
        if (privately) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(m.text())
                    .blocks(SlackReplies.blocks(m)));
            return;
        }
        String thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
        SlackReplies.postInThread(ctx.client(), channel, thread, m);
    }

    private static String channel(BlockActionPayload p) {
        if (p.getChannel() != null && p.getChannel().getId() != null) {
            return p.getChannel().getId();
        }
        return p.getContainer() != null && p.getContainer().getChannelId() != null ? p.getContainer().getChannelId() : "";
    }
}
