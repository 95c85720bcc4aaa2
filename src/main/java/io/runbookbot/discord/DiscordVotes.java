package io.runbookbot.discord;

import io.runbookbot.core.chat.VoteLine;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The votes on an answer kept in its embed ({@link VoteLine}): a "Votes" field, one line per side.
 * An answer only the clicker sees gets one too, edited through the click ({@link DiscordAnswerEdits}).
 */
final class DiscordVotes {
    static final String FIELD = "Votes";

    private DiscordVotes() {}

    /** The embed with {@code userId}'s vote; empty when the votes would not fit a field. */
    static Optional<MessageEmbed> withVote(MessageEmbed embed, String userId, boolean helpful) {
        VoteLine votes = tally(embed).vote(userId, helpful);
        return DiscordAnswerEdits.withField(embed, FIELD, List.of(votes.helpfulText(), votes.notHelpfulText()));
    }

    static VoteLine tally(MessageEmbed embed) {
        List<String> lines = DiscordAnswerEdits.lines(embed, FIELD);
        return VoteLine.read(lines.isEmpty() ? "" : lines.get(0), lines.size() < 2 ? "" : lines.get(1));
    }
}
