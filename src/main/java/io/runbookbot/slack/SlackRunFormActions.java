package io.runbookbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run form's two moments. A "Run…" click reads the diagnostics the clicker may run here from
 * the engine and opens the form for the clicked one (Slack's trigger id is good for three seconds,
 * a cached lookup takes milliseconds). A submission is checked first with the allowlist's own rule
 * ({@link ChatEngine#invalidParams}): a refused value is answered with {@code response_action:
 * errors} under its field and nothing runs; otherwise it runs, and the outcome goes to the user
 * alone, in the channel the form came from (their DM with the bot from the Home tab).
 */
final class SlackRunFormActions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackRunFormActions.class);

    private SlackRunFormActions() {}

    /** Opens the form for the check a "Run…" value names, or tells the clicker why not. */
    static void open(
            ActionContext ctx,
            BlockActionPayload p,
            String value,
            String channel,
            Executor executor,
            ChatEngine engine,
            SlackCallers callers,
            SlackReplies.Responder privately) {
        String id;
        try {
            id = SlackRunForm.commandId(value);
        } catch (RuntimeException e) {
            LOG.warn("A run form button carries a value the bot did not write; telling the user");
            SlackReplies.answer(
                    executor,
                    "unreadable form notice",
                    () -> CompletableFuture.completedFuture(SlackAnswerFormatter.text(SlackActions.UNREADABLE)),
                    privately::send,
                    text -> {});
            return;
        }
        SlackReplies.answer(
                executor,
                "run form",
                () -> engine.reply(
                        callers.of(p.getUser().getId(), channel, ctx.client()), new BotRequest.ListDiagnostics()),
                list -> {
                    Optional<DiagnosticCommand> command = find(list, id);
                    if (command.isEmpty()) {
                        privately.send(SlackAnswerFormatter.text("`" + id + "` is not a diagnostic you may run here"
                                + " (any more). `/runbook diagnostics` lists those you may."));
                    } else {
                        show(ctx.client(), p.getTriggerId(), command.get(), channel, privately);
                    }
                },
                text -> privately.send(SlackAnswerFormatter.text(text)));
    }

    private static void show(
            MethodsClient client,
            String triggerId,
            DiagnosticCommand command,
            String channel,
            SlackReplies.Responder privately)
            throws Exception {
        ViewsOpenResponse opened =
                client.viewsOpen(r -> r.triggerId(triggerId).view(SlackRunForm.modal(command, channel)));
        if (!opened.isOk()) {
            LOG.warn("Slack did not open the run form (views.open: {})", opened.getError());
            privately.send(SlackAnswerFormatter.text("Slack did not open the form (" + opened.getError()
                    + "); type `/runbook run " + command.id() + " key=value` instead."));
        }
    }

    /** The submission: errors under the fields, or the run with its outcome to the user alone. */
    static void register(App app, ChatEngine engine, Executor executor, SlackCallers callers) {
        app.viewSubmission(SlackRunForm.CALLBACK, (req, ctx) -> {
            var p = req.getPayload();
            SlackRunForm.Submitted form;
            try {
                form = SlackRunForm.submitted(p.getView());
            } catch (RuntimeException e) {
                return ctx.ack(); // not a form this bot wrote: close it, nothing to run
            }
            Map<String, String> errors = SlackRunForm.errors(engine.invalidParams(form.run()), form);
            if (!errors.isEmpty()) {
                return ctx.ackWithErrors(errors);
            }
            String user = p.getUser().getId();
            String channel = form.channelId();
            SlackReplies.answer(
                    executor,
                    "run form answer",
                    () -> engine.reply(callers.of(user, channel, ctx.client()), form.run()),
                    reply -> toUser(ctx.client(), channel, user, SlackAnswerFormatter.privately(reply)),
                    notice -> toUser(ctx.client(), channel, user, SlackAnswerFormatter.text(notice)));
            return ctx.ack();
        });
    }

    /** To the user alone: privately in the channel the form came from, else in their DM with the bot. */
    private static void toUser(MethodsClient client, String channel, String user, SlackMessage message)
            throws Exception {
        if (channel.isEmpty()) {
            SlackReplies.post(client, user, message);
        } else {
            SlackReplies.postEphemeral(client, channel, user, message);
        }
    }

    /** The clicked check among those the engine lists for the clicker. */
    private static Optional<DiagnosticCommand> find(BotReply reply, String id) {
        return reply
                .accept(new BotReply.Partial<List<DiagnosticCommand>>() {
                    @Override
                    public List<DiagnosticCommand> otherwise() {
                        return List.of();
                    }

                    @Override
                    public List<DiagnosticCommand> diagnostics(BotReply.DiagnosticList list) {
                        return list.commands();
                    }
                })
                .stream()
                .filter(c -> c.id().equals(id))
                .findFirst();
    }
}
