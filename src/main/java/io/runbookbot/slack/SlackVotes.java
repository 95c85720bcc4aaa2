package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The votes on an answer, kept in the message itself (so they survive a restart and need no
 * store): a line under the buttons, "Helpful (2): @alice @bob · Not helpful (1): @carol". One
 * vote per person: voting again moves their vote. At most {@value #MAX_VOTERS} voters are kept
 * per side.
 */
final class SlackVotes {
    static final String BLOCK_ID = "runbook_votes";
    static final int MAX_VOTERS = 150;
    private static final String HELPFUL = "Helpful";
    private static final String NOT_HELPFUL = "Not helpful";

    /** Who voted which way, in the order they voted. */
    record Tally(Set<String> helpful, Set<String> notHelpful) {
        Tally vote(String userId, boolean isHelpful) {
            Set<String> yes = new LinkedHashSet<>(helpful);
            Set<String> no = new LinkedHashSet<>(notHelpful);
            yes.remove(userId);
            no.remove(userId);
            Set<String> side = isHelpful ? yes : no;
            if (side.size() < MAX_VOTERS) {
                side.add(userId);
            }
            return new Tally(yes, no);
        }
    }

    private SlackVotes() {}

    /** The message's blocks with {@code userId}'s vote; empty when the message has no buttons or no room. */
    static Optional<List<LayoutBlock>> withVote(List<LayoutBlock> blocks, String userId, boolean helpful) {
        Tally tally = tally(blocks).vote(userId, helpful);
        LayoutBlock line = context(c -> c.blockId(BLOCK_ID)
                .elements(List.of(
                        markdownText(side(HELPFUL, tally.helpful())),
                        markdownText(side(NOT_HELPFUL, tally.notHelpful())))));
        List<LayoutBlock> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ContextBlock votes && BLOCK_ID.equals(votes.getBlockId())) {
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
    static Tally tally(List<LayoutBlock> blocks) {
        for (LayoutBlock b : blocks) {
            if (b instanceof ContextBlock votes && BLOCK_ID.equals(votes.getBlockId())) {
                List<ContextBlockElement> e = votes.getElements();
                return new Tally(users(text(e, 0)), users(text(e, 1)));
            }
        }
        return new Tally(Set.of(), Set.of());
    }

    private static String side(String label, Set<String> users) {
        StringBuilder line =
                new StringBuilder(label).append(" (").append(users.size()).append(")");
        if (!users.isEmpty()) {
            line.append(':');
            users.forEach(u -> line.append(" <@").append(u).append('>'));
        }
        return line.toString();
    }

    private static String text(List<ContextBlockElement> elements, int i) {
        return i < elements.size() && elements.get(i) instanceof MarkdownTextObject t && t.getText() != null
                ? t.getText()
                : "";
    }

    /** The user ids in {@code <@U…>} mentions, in order, in one pass. */
    static Set<String> users(String text) {
        Set<String> users = new LinkedHashSet<>();
        int at = text.indexOf("<@");
        while (at >= 0 && users.size() < MAX_VOTERS) {
            int end = text.indexOf('>', at);
            if (end < 0) {
                break;
            }
            String id = text.substring(at + 2, end);
            if (!id.isEmpty() && id.chars().allMatch(Character::isLetterOrDigit)) {
                users.add(id);
            }
            at = text.indexOf("<@", end);
        }
        return users;
    }
}
