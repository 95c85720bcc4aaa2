package io.runbookbot.discord;

import io.runbookbot.core.DiagnosticSuggestion;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /runbook} command as registered at start. Discord fixes a command's options at
 * registration and does not mix subcommands with options, so it has three subcommands:
 * {@code ask question:<text>}, {@code run check:<id> [params:<name=value ...>]} (both suggested as
 * you type, from what you may run here; leave {@code params} out for a form) and {@code diagnostics}.
 */
final class DiscordCommands {
    static final String COMMAND = "runbook";
    static final String ASK = "ask";
    static final String QUESTION = "question";
    static final String RUN = "run";
    static final String CHECK = "check";
    static final String PARAMS = "params";
    static final String DIAGNOSTICS = "diagnostics";

    private DiscordCommands() {}

    /** The command for {@code updateCommands()}. */
    static SlashCommandData definition() {
        return Commands.slash(COMMAND, "Runbooks and diagnostic checks for an incident")
                .addSubcommands(
                        new SubcommandData(ASK, "Ask the runbooks about an error line, alert or symptom")
                                .addOption(
                                        OptionType.STRING,
                                        QUESTION,
                                        "An error line, alert or symptom (or: help | investigate <symptom>)",
                                        true),
                        new SubcommandData(RUN, "Run a diagnostic check; its parameters are checked first")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.STRING,
                                                        CHECK,
                                                        "The check (suggested: those open to you)")
                                                .setRequired(true)
                                                .setAutoComplete(true)
                                                .setMaxLength(OptionData.MAX_CHOICE_VALUE_LENGTH),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        PARAMS,
                                                        "name=value ... [on <agent>]; leave out to fill in a form")
                                                .setAutoComplete(true)
                                                .setMaxLength(2000)),
                        new SubcommandData(DIAGNOSTICS, "List the diagnostic checks you may run here"));
    }

    /**
     * What the asker typed, as the text the request parser reads: the question of {@code ask} (also
     * of a command registered before subcommands), {@code diagnostics}, else {@code help}.
     */
    static String text(SlashCommandInteractionEvent event) {
        if (DIAGNOSTICS.equals(event.getSubcommandName())) {
            return DIAGNOSTICS;
        }
        return DiscordText.decode(option(event, QUESTION).orElse("help"));
    }

    /** What to type in Discord to run a suggested check: {@code /runbook run check:listening-port params:port=8000}. */
    static String typed(DiagnosticSuggestion suggestion) {
        String params = suggestion
                .chatCommand()
                .substring(Math.min(suggestion.chatCommand().length(), ("run " + suggestion.commandId()).length()))
                .strip();
        return "/" + COMMAND + " " + RUN + " " + CHECK + ":" + suggestion.commandId()
                + (params.isEmpty() ? "" : " " + PARAMS + ":" + params);
    }

    static Optional<String> option(SlashCommandInteractionEvent event, String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString);
    }
}
