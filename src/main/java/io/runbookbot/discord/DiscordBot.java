package io.runbookbot.discord;

import io.runbookbot.core.Caller;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChannelPatterns;
import io.runbookbot.core.chat.ChatEngine;
import io.runbookbot.core.chat.IncidentTriage;
import io.runbookbot.core.chat.RequestParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's JDA listener: a mention is answered as a reply to the message; {@code /runbook} and
 * button clicks are deferred at once and answered through the interaction hook; {@code /runbook
 * run}, its suggestions and its form go to {@link DiscordRunCommand}. The engine runs on {@code
 * worker} ({@link DiscordSender}), never on JDA's event thread. Messages from bots (itself included) are ignored.
 * Inbound text goes through {@link DiscordText} first: no mention, emoji or Markdown markup reaches the core.
 */
public final class DiscordBot extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    public static final String PLATFORM = "discord";
    /** What the sharer sees (only they) once the answer is in the channel. */
    static final String SHARED = "Shared in the channel.";

    private final ChatEngine engine;
    private final DiscordAnswerFormatter formatter;
    private final ButtonActions actions;
    private final DiscordSender sender;
    private final DiscordRunCommand runs;
    private final ChannelPatterns incidentChannels;

    /**
     * @param worker       runs the engine and sends the answers (the engine may be slow)
     * @param buttonMemory how many recent buttons whose action does not fit in a custom id are remembered
     */
    public DiscordBot(ChatEngine engine, Executor worker, int buttonMemory) {
        this(engine, worker, buttonMemory, ChannelPatterns.of(List.of()));
    }

    /** @param incidentChannels where messages nobody addressed to the bot are triaged */
    public DiscordBot(ChatEngine engine, Executor worker, int buttonMemory, ChannelPatterns incidentChannels) {
        this.incidentChannels = Objects.requireNonNull(incidentChannels, "incidentChannels");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.actions = new ButtonActions(buttonMemory);
        this.formatter = new DiscordAnswerFormatter(actions);
        this.sender = new DiscordSender(engine, Objects.requireNonNull(worker, "worker"), formatter);
        this.runs = new DiscordRunCommand(engine, sender, formatter);
    }

    /** The {@code /runbook} command ({@link DiscordCommands}), for {@code updateCommands()}. */
    public static SlashCommandData command() {
        return DiscordCommands.definition();
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User self = event.getJDA().getSelfUser();
        if (event.getAuthor().isBot() || event.isWebhookMessage()) {
            return;
        }
        if (!message.getMentions().isMentioned(self)) {
            triage(event);
            return;
        }
        String text = DiscordText.decode(message.getContentRaw());
        Caller caller =
                caller(event.getAuthor(), event.getMember(), event.getChannel().getId(), event.getChannel());
        sender.send(
                caller,
                RequestParser.parse(text),
                DiscordSender.Delivery.each(
                        formatter::format,
                        data -> message.reply(data).mentionRepliedUser(false).complete()));
    }

    /**
     * A message nobody addressed to the bot, in an incident channel: answered in reply when it reads
     * like a symptom and the match is not a guess, as in Slack; silence otherwise.
     */
    private void triage(MessageReceivedEvent event) {
        String channelId = event.getChannel().getId();
        String text = DiscordText.decode(event.getMessage().getContentRaw());
        if (!isIncident(channelId, event.getChannel()) || !IncidentTriage.readsLikeSymptom(text)) {
            return;
        }
        Caller caller = caller(event.getAuthor(), event.getMember(), channelId, event.getChannel());
        Message message = event.getMessage();
        Runnable ask = () -> engine.ambient(caller, text)
                .thenAccept(reply -> reply.ifPresent(r -> sender.deliver(
                        caller,
                        r,
                        DiscordSender.Delivery.each(
                                formatter::format,
                                data -> message.reply(data)
                                        .mentionRepliedUser(false)
                                        .complete()))));
        if (!sender.offer(ask)) {
            LOG.warn("Discord triage skipped in {}: every answer thread is busy", channelId);
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(DiscordCommands.COMMAND)) {
            return;
        }
        Caller caller = caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel());
        if (DiscordCommands.RUN.equals(event.getSubcommandName())) {
            runs.slash(event, caller);
            return;
        }
        String text = DiscordCommands.text(event);
        // the asker's alone until they share it
        event.deferReply(true).queue(null, DiscordSender::deferFailed);
        sender.send(
                caller,
                RequestParser.parse(text),
                DiscordSender.Delivery.each(formatter::privately, DiscordSender.privately(event)));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getName().equals(DiscordCommands.COMMAND) && DiscordCommands.RUN.equals(event.getSubcommandName())) {
            runs.autocomplete(
                    event, caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel()));
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (DiscordCheckForm.isForm(event.getModalId())) {
            runs.submitted(event, caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel()));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (DiscordOutputShare.handles(event.getComponentId())) {
            DiscordOutputShare.share(event);
            return;
        }
        Optional<BotRequest> request = actions.requestFor(
                event.getComponentId(), AskedLine.in(event.getMessage()), AskedLine.location(event.getMessage()));
        if (request.isEmpty()) {
            event.reply("This button has expired; ask me again.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        Caller caller = caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel());
        DiscordAnswerEdits.acknowledge(event, request.get());
        Consumer<MessageCreateData> privately = DiscordSender.privately(event);
        if (ButtonActions.shares(event.getComponentId())) {
            sender.send(
                    caller,
                    request.get(),
                    new DiscordSender.Delivery(
                            reply -> formatter.sharedBy(reply, event.getUser().getId()),
                            messages -> {
                                messages.forEach(data ->
                                        event.getChannel().sendMessage(data).complete());
                                formatter.format(new BotReply.Text(SHARED)).forEach(privately);
                            },
                            privately));
            return;
        }
        if (request.get() instanceof BotRequest.Feedback vote) {
            DiscordAnswerEdits.vote(event, vote.helpful());
        }
        // a reply to a button is the clicker's alone, unless they share it; a run is noted on the answer
        sender.send(
                caller,
                request.get(),
                DiscordSender.Delivery.each(
                        reply -> {
                            DiscordAnswerEdits.run(event, reply);
                            return formatter.privately(reply);
                        },
                        privately));
    }

    /**
     * /** Whether the bot serves this channel as an incident channel, by its id or its name. */
    private boolean isIncident(String channelId, @Nullable MessageChannel channel) {
        if (incidentChannels.listsId(channelId)) {
            return true;
        }
        try {
            return channel != null && incidentChannels.hasNames() && incidentChannels.matchesName(channel.getName());
        } catch (RuntimeException e) { // a channel JDA knows too little of (detached, a DM without its user)
            return false;
        }
    }

    /**
     * The caller: user snowflake, the member's roles by id and then by name (an allowlist may grant
     * {@code oncall} as readily as {@code 1234567890}; a name is only as trusted as the people who may
     * manage roles in the server), the channel id, and whether the bot serves that channel as an
     * incident channel (which grants the read-only checks of an allowlist whose channels say
     * {@code incident}).
     */
    private Caller caller(User user, @Nullable Member member, String channelId, @Nullable MessageChannel channel) {
        List<String> roles = new ArrayList<>();
        if (member != null) {
            member.getRoles().forEach(r -> roles.add(r.getId()));
            member.getRoles().stream()
                    .map(Role::getName)
                    .filter(n -> !roles.contains(n))
                    .forEach(roles::add);
        }
        return new Caller(PLATFORM, user.getId(), roles, channelId, isIncident(channelId, channel));
    }
}
