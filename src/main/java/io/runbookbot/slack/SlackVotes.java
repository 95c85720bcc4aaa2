package io.runbookbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.chat.VoteLine;
import java.util.List;
import java.util.Optional;

/**
 * The votes on an answer kept in the Slack message itself ({@link VoteLine}): a context line under
 * the buttons, one element per side.
 */
final class SlackVotes {
    static final String BLOCK_ID = "runbook_votes";

    private SlackVotes() {}

    /** The message's blocks with {@code userId}'s vote; empty when the message has no buttons or no room. */
    static Optional<List<LayoutBlock>> withVote(List<LayoutBlock> blocks, String userId, boolean helpful) {
        VoteLine votes = tally(blocks).vote(userId, helpful);
        return SlackButtonNotes.put(
                blocks, BLOCK_ID, List.of(markdownText(votes.helpfulText()), markdownText(votes.notHelpfulText())));
    }

    /** The votes a message shows now. */
    static VoteLine tally(List<LayoutBlock> blocks) {
        List<String> texts = SlackButtonNotes.texts(blocks, BLOCK_ID);
        return VoteLine.read(texts.isEmpty() ? "" : texts.get(0), texts.size() < 2 ? "" : texts.get(1));
    }
}
