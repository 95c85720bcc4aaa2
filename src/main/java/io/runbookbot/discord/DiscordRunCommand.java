package io.runbookbot.discord;

import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.core.chat.RequestParser;
import io.runbookbot.core.chat.TextChunks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /runbook run}: {@code check} and {@code params} suggested as the asker types ({@link
 * DiscordCheckChoices}), from the checks open to them here; with {@code params} the check runs at
 * once, without them a check that has parameters opens a form ({@link DiscordCheckForm}). Either
 * way the run goes through the core, which checks the values against the allowlist before anything
 * runs and names the parameter it refuses. Answers are the asker's alone, output with a Share button.
 */
final class DiscordRunCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordRunCommand.class);
    static final String UNREADABLE = "I could not read the parameters: write them as name=value separated by"
            + " spaces (e.g. port=8000), optionally followed by `on <agent>`.";
    static final String NO_FORM = "`%s` has more parameters than a Discord form holds: give them in `params`"
            + " (name=value ...; the suggestions list them).";

    private final ChatEngine engine;
    private final DiscordSender sender;
    private final DiscordAnswerFormatter formatter;

    DiscordRunCommand(ChatEngine engine, DiscordSender sender, DiscordAnswerFormatter formatter) {
        this.engine = engine;
        this.sender = sender;
        this.formatter = formatter;
    }

    void slash(SlashCommandInteractionEvent event, Caller caller) {
        String check =
                DiscordCommands.option(event, DiscordCommands.CHECK).orElse("").strip();
        Optional<String> params = DiscordCommands.option(event, DiscordCommands.PARAMS)
                .map(String::strip)
                .filter(p -> !p.isEmpty());
        if (params.isPresent()) {
            BotRequest request = RequestParser.parse("run " + check + " " + params.get());
            Optional<BotRequest.RunDiagnostic> read = request instanceof BotRequest.RunDiagnostic run
                            && !check.isEmpty()
                            && run.commandId().equals(check)
                    ? Optional.of(run)
                    : Optional.empty();
            run(event, caller, read);
            return;
        }
        formOrRun(event, caller, check);
    }

    /**
     * Suggestions for the focused option. Like the form, on JDA's thread: the listing is in memory,
     * and Discord waits at most 3 seconds for either, which a queue of slow answers must not eat.
     */
    void autocomplete(CommandAutoCompleteInteractionEvent event, Caller caller) {
        String typed = event.getFocusedOption().getValue();
        List<DiagnosticCommand> open = open(caller).orElse(List.of());
        List<Command.Choice> choices = event.getFocusedOption().getName().equals(DiscordCommands.CHECK)
                ? DiscordCheckChoices.checks(open, typed)
                : Optional.ofNullable(event.getOption(DiscordCommands.CHECK))
                        .flatMap(check -> find(open, check.getAsString()))
                        .map(c -> DiscordCheckChoices.params(c, typed))
                        .orElse(List.of());
        event.replyChoices(choices).queue(null, failure -> LOG.debug("autocomplete not taken: {}", failure));
    }

    /** A submitted form: the run it asks for, answered to the asker alone. */
    void submitted(ModalInteractionEvent event, Caller caller) {
        run(event, caller, Optional.of(DiscordCheckForm.submitted(event.getModalId(), event.getValues())));
    }

    /**
     * Runs the check without parameters, or opens its form (which must be the interaction's first
     * answer, within 3 seconds: so looked up here, in memory), or says why neither.
     */
    private void formOrRun(SlashCommandInteractionEvent event, Caller caller, String check) {
        Optional<List<DiagnosticCommand>> open = open(caller);
        Optional<DiagnosticCommand> command = open.flatMap(list -> find(list, check));
        if (command.isEmpty()) {
            String why = open.isPresent()
                    ? "No check `" + shown(check)
                            + "` is open to you here; `/runbook diagnostics` lists those that are."
                    : "Diagnostics are not available on this bot.";
            event.reply(why).setEphemeral(true).queue();
        } else if (command.get().params().isEmpty()) {
            run(event, caller, Optional.of(BotRequest.RunDiagnostic.onDefaultAgent(check, Map.of())));
        } else {
            DiscordCheckForm.of(command.get())
                    .ifPresentOrElse(
                            modal -> event.replyModal(modal).queue(null, DiscordSender::deferFailed),
                            () -> event.reply(NO_FORM.formatted(shown(check)))
                                    .setEphemeral(true)
                                    .queue());
        }
    }

    /**
     * Defers (the asker's alone) and answers the run on an answer thread; params that could not be
     * read are answered with {@link #UNREADABLE} at once.
     */
    private <E extends IReplyCallback & IDeferrableCallback> void run(
            E event, Caller caller, Optional<BotRequest.RunDiagnostic> request) {
        if (request.isEmpty()) {
            event.reply(UNREADABLE).setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue(null, DiscordSender::deferFailed);
        sender.send(
                caller,
                request.get(),
                DiscordSender.Delivery.each(formatter::privately, DiscordSender.privately(event)));
    }

    /** The checks the caller may run here; empty when the bot has no diagnostics. */
    private Optional<List<DiagnosticCommand>> open(Caller caller) {
        return engine.reply(caller, new BotRequest.ListDiagnostics()).join().accept(new Listed());
    }

    private static Optional<DiagnosticCommand> find(List<DiagnosticCommand> commands, String id) {
        return commands.stream().filter(c -> c.id().equals(id.strip())).findFirst();
    }

    private static String shown(String check) {
        return TextChunks.cut(check.replace("`", "'"), 100);
    }

    /** The list of a diagnostics reply; empty for any other reply (no diagnostics configured). */
    private static final class Listed implements BotReply.Partial<Optional<List<DiagnosticCommand>>> {
        @Override
        public Optional<List<DiagnosticCommand>> diagnostics(BotReply.DiagnosticList list) {
            return Optional.of(list.commands());
        }

        @Override
        public Optional<List<DiagnosticCommand>> otherwise() {
            return Optional.empty();
        }
    }
}
