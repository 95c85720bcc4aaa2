package io.runbookbot.discord;

import io.runbookbot.core.Caller;
import io.runbookbot.core.IncidentIds;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's JDA listener: a mention is answered as a reply to the message; {@code /runbook} and
 * button clicks are deferred at once and answered through the interaction hook. The engine runs
 * on {@code worker}, never on JDA's event thread. Messages from bots (itself included) are ignored.
 * Inbound text goes through {@link DiscordText} first: no mention, emoji or Markdown markup reaches the core.
 */
public final class DiscordBot extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    public static final String PLATFORM = "discord";
    public static final String COMMAND = "runbook";
    public static final String OPTION = "question";
    /** What the user sees when an answer could not be sent; the incident id goes in. */
    static final String UNDELIVERED = "Sorry, I could not send this answer (incident %s).";
    /** What the user sees when every answer thread is busy and the queue is full. */
    static final String BUSY = "I am answering too many questions right now; ask me again in a minute.";
    /** What the sharer sees (only they) once the answer is in the channel. */
    static final String SHARED = "Shared in the channel.";

    private final ChatEngine engine;
    private final DiscordAnswerFormatter formatter;
    private final ButtonActions actions;
    private final Executor worker;
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
        this.worker = Objects.requireNonNull(worker, "worker");
        this.actions = new ButtonActions(buttonMemory);
        this.formatter = new DiscordAnswerFormatter(actions);
    }

    /** The {@code /runbook question:...} command, for {@code updateCommands()}. */
    public static SlashCommandData command() {
        return Commands.slash(
                        COMMAND, "Ask the runbooks, or: investigate <symptom> | help | run <id> key=value [on <agent>]")
                .addOption(
                        OptionType.STRING,
                        OPTION,
                        "An error line, alert or symptom (or help, run ..., confirm ...)",
                        true);
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
        send(
                caller,
                RequestParser.parse(text),
                Delivery.each(
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
                .thenAccept(reply -> reply.ifPresent(r -> deliver(
                        caller,
                        r,
                        Delivery.each(
                                formatter::format,
                                data -> message.reply(data)
                                        .mentionRepliedUser(false)
                                        .complete()))));
        try {
            worker.execute(ask);
        } catch (RejectedExecutionException e) {
            LOG.warn("Discord triage skipped in {}: every answer thread is busy", channelId);
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(COMMAND)) {
            return;
        }
        String text = DiscordText.decode(Optional.ofNullable(event.getOption(OPTION))
                .map(OptionMapping::getAsString)
                .orElse("help"));
        Caller caller = caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel());
        // the asker's alone until they share it
        event.deferReply(true).queue(null, failure -> deferFailed(failure));
        send(caller, RequestParser.parse(text), Delivery.each(formatter::privately, privately(event)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<BotRequest> request = actions.requestFor(event.getComponentId(), AskedLine.in(event.getMessage()));
        if (request.isEmpty()) {
            event.reply("This button has expired; ask me again.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        Caller caller = caller(event.getUser(), event.getMember(), event.getChannelId(), event.getChannel());
        event.deferReply(true).queue(null, failure -> deferFailed(failure));
        Consumer<MessageCreateData> privately = privately(event);
        if (ButtonActions.shares(event.getComponentId())) {
            send(
                    caller,
                    request.get(),
                    new Delivery(
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
        send(
                caller,
                request.get(),
                Delivery.each(
                        reply -> {
                            DiscordAnswerEdits.run(event, reply);
                            return formatter.privately(reply);
                        },
                        privately));
    }

    /**
     * How a reply reaches Discord: rendered for its audience, sent, and where a notice goes when
     * that fails.
     */
    private record Delivery(
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
    private void send(Caller caller, BotRequest request, Delivery delivery) {
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
        try {
            worker.execute(ask);
        } catch (RejectedExecutionException e) {
            LOG.warn(
                    "Discord answer refused for {}: every answer thread is busy and the queue is full",
                    caller.qualifiedUserId());
            deliver(caller, new BotReply.Text(BUSY), delivery);
        }
    }

    /** Delivers a reply that came later on an answer thread, or here when they are all taken. */
    private void later(Runnable delivery) {
        try {
            worker.execute(delivery);
        } catch (RejectedExecutionException e) {
            delivery.run();
        }
    }

    /** Renders the reply and sends its messages in order; a failure is answered with a notice. */
    private void deliver(Caller caller, BotReply reply, Delivery delivery) {
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
    private static Consumer<MessageCreateData> privately(IDeferrableCallback event) {
        return data -> event.getHook().setEphemeral(true).sendMessage(data).complete();
    }

    /** The interaction could not be acknowledged: its answer will fail too, and that failure names the incident. */
    private static void deferFailed(Throwable failure) {
        LOG.warn("Discord did not take the deferred reply ({}); the answer will try anyway", failure.toString());
    }

    /** Whether the bot serves this channel as an incident channel, by its id or its name. */
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
