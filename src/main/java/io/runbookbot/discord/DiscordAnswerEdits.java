package io.runbookbot.discord;

import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.RunLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a click leaves on the answer it was made on: the vote count ({@link DiscordVotes}) and a
 * "Runs" field, "`disk-usage` on web-1 ran by @alice at 10:42 UTC: exit 0" (the last {@value
 * #MAX_RUNS}). A public answer is edited through the channel, for everyone there. An answer only
 * the clicker sees (ephemeral) cannot be edited through the channel: the click is acknowledged as
 * an update of that message instead (type 6) and the answer edited through the click's own
 * interaction ({@code PATCH webhooks/<app>/<token>/messages/@original}); the reply to the click then
 * comes as the clicker's own follow-up.
 */
final class DiscordAnswerEdits {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAnswerEdits.class);
    static final String RUNS = "Runs";
    static final int MAX_RUNS = 5;

    private DiscordAnswerEdits() {}

    /**
     * Acknowledges the click: as an update of the clicked message when it is ephemeral and the click
     * is noted on it (a vote, a run), else as a reply to come that only the clicker sees.
     */
    static void acknowledge(ButtonInteractionEvent event, BotRequest request) {
        boolean noted = request instanceof BotRequest.Feedback || request instanceof BotRequest.RunDiagnostic;
        if (noted && event.getMessage().isEphemeral()) {
            event.deferEdit().queue(null, DiscordSender::deferFailed);
        } else {
            event.deferReply(true).queue(null, DiscordSender::deferFailed);
        }
    }

    static void vote(ButtonInteractionEvent event, boolean helpful) {
        edit(event, embed -> DiscordVotes.withVote(embed, event.getUser().getId(), helpful));
    }

    /** Notes a run's outcome; any other reply leaves the answer as it is. */
    static void run(ButtonInteractionEvent event, BotReply reply) {
        RunLine.of(reply, event.getUser().getId(), Instant.now())
                .ifPresent(line -> edit(event, embed -> withRun(embed, line)));
    }

    static Optional<MessageEmbed> withRun(MessageEmbed embed, String line) {
        List<String> lines = new ArrayList<>(lines(embed, RUNS));
        lines.add(line);
        return withField(embed, RUNS, lines.subList(Math.max(0, lines.size() - MAX_RUNS), lines.size()));
    }

    /** The lines of the embed's field called {@code name}; empty when it has none. */
    static List<String> lines(MessageEmbed embed, String name) {
        return embed.getFields().stream()
                .filter(f -> name.equals(f.getName()) && f.getValue() != null)
                .findFirst()
                .map(f -> List.of(f.getValue().split("\n")))
                .orElse(List.of());
    }

    /** The embed with its field {@code name} holding these lines, last; empty when they do not fit. */
    static Optional<MessageEmbed> withField(MessageEmbed embed, String name, List<String> lines) {
        String value = String.join("\n", lines);
        if (value.length() > MessageEmbed.VALUE_MAX_LENGTH) {
            return Optional.empty();
        }
        EmbedBuilder b = new EmbedBuilder(embed).clearFields();
        embed.getFields().stream().filter(f -> !name.equals(f.getName())).forEach(b::addField);
        b.addField(name, value, false);
        return b.isValidLength() ? Optional.of(b.build()) : Optional.empty();
    }

    private static void edit(ButtonInteractionEvent event, Function<MessageEmbed, Optional<MessageEmbed>> change) {
        Message message = event.getMessage();
        if (message.getEmbeds().isEmpty()) {
            return;
        }
        change.apply(message.getEmbeds().get(0)).ifPresent(changed -> {
            RestAction<Message> edit = message.isEphemeral()
                    ? event.getHook().editOriginalEmbeds(changed)
                    : event.getChannel().editMessageEmbedsById(message.getId(), changed);
            edit.queue(
                    null, failure -> LOG.warn("Discord did not take the edit of the answer ({})", failure.toString()));
        });
    }
}
