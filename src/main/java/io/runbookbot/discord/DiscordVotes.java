package io.runbookbot.discord;

import io.runbookbot.core.chat.VoteLine;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The votes on an answer kept in its embed ({@link VoteLine}): a "Votes" field, one line per side.
 * Only public answers get one: an ephemeral message cannot be edited after the click was answered.
 */
final class DiscordVotes {
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
