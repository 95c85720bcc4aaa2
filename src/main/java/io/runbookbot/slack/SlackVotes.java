package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.runbookbot.core.chat.VoteLine;
import java.util.ArrayList;
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
        LayoutBlock line = context(c -> c.blockId(BLOCK_ID)
                .elements(List.of(markdownText(votes.helpfulText()), markdownText(votes.notHelpfulText()))));
        List<LayoutBlock> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ContextBlock existing && BLOCK_ID.equals(existing.getBlockId())) {
                out.set(i, line);
                return Optional.of(out);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ActionsBlock && out.size() < SlackAnswerFormatter.MAX_BLOCKS) {
                out.add(i + 1, line);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** The votes a message shows now. */
    static VoteLine tally(List<LayoutBlock> blocks) {
        for (LayoutBlock b : blocks) {
            if (b instanceof ContextBlock votes && BLOCK_ID.equals(votes.getBlockId())) {
                List<ContextBlockElement> e = votes.getElements();
                return VoteLine.read(text(e, 0), text(e, 1));
            }
        }
        return VoteLine.NONE;
    }

    private static String text(List<ContextBlockElement> elements, int i) {
        return i < elements.size() && elements.get(i) instanceof MarkdownTextObject t && t.getText() != null
                ? t.getText()
                : "";
    }
}
