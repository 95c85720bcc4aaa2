package io.runbookbot.discord;

import io.runbookbot.core.chat.VoteLine;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The votes on an answer kept in its embed ({@link VoteLine}): a "Votes" field, one line per side.
 * Only public answers get one: an ephemeral message cannot be edited after the click was answered.
 */
final class DiscordVotes {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordVotes.class);
    static final String FIELD = "Votes";

    private DiscordVotes() {}

    /** The embed with {@code userId}'s vote; empty when the votes would not fit a field. */
    static Optional<MessageEmbed> withVote(MessageEmbed embed, String userId, boolean helpful) {
        VoteLine votes = tally(embed).vote(userId, helpful);
        String value = votes.helpfulText() + "\n" + votes.notHelpfulText();
        if (value.length() > MessageEmbed.VALUE_MAX_LENGTH) {
            return Optional.empty();
        }
        EmbedBuilder b = new EmbedBuilder(embed).clearFields();
        embed.getFields().stream().filter(f -> !FIELD.equals(f.getName())).forEach(b::addField);
        b.addField(FIELD, value, false);
        return b.isValidLength() ? Optional.of(b.build()) : Optional.empty();
    }

    /**
     * Counts a vote on the public answer it was made on, through the channel (the click's own
     * interaction may only edit its own replies); an ephemeral answer cannot be edited any more.
     */
    static void count(ButtonInteractionEvent event, boolean helpful) {
        Message message = event.getMessage();
        if (message.isEphemeral() || message.getEmbeds().isEmpty()) {
            return;
        }
        withVote(message.getEmbeds().get(0), event.getUser().getId(), helpful)
                .ifPresent(counted -> event.getChannel()
                        .editMessageEmbedsById(message.getId(), counted)
                        .queue(
                                null,
                                failure -> LOG.warn("Discord did not take the vote count ({})", failure.toString())));
    }

    static VoteLine tally(MessageEmbed embed) {
        for (MessageEmbed.Field f : embed.getFields()) {
            if (FIELD.equals(f.getName()) && f.getValue() != null) {
                String[] lines = f.getValue().split("\n", 2);
                return VoteLine.read(lines[0], lines.length > 1 ? lines[1] : "");
            }
        }
        return VoteLine.NONE;
    }
}
