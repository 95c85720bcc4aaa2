package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A line a click leaves on the message it was made on (the runs, the votes): a context block under
 * the message's buttons, found again by its block id when the next click comes.
 */
final class SlackButtonNotes {
    private SlackButtonNotes() {}

    /** The texts of the note with this block id, in order; empty when the message has none. */
    static List<String> texts(List<LayoutBlock> blocks, String blockId) {
        List<String> texts = new ArrayList<>();
        for (LayoutBlock b : blocks) {
            if (b instanceof ContextBlock note && blockId.equals(note.getBlockId())) {
                note.getElements()
                        .forEach(e ->
                                texts.add(e instanceof MarkdownTextObject t && t.getText() != null ? t.getText() : ""));
            }
        }
        return texts;
    }

    /**
     * The message's blocks with the note (one element per text) in place of the old one, or under
     * the buttons when there was none; empty when the message has no buttons or no room.
     */
    static Optional<List<LayoutBlock>> put(List<LayoutBlock> blocks, String blockId, List<ContextBlockElement> note) {
        LayoutBlock block = context(c -> c.blockId(blockId).elements(new ArrayList<>(note)));
        List<LayoutBlock> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ContextBlock old && blockId.equals(old.getBlockId())) {
                out.set(i, block);
                return Optional.of(out);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ActionsBlock && out.size() < SlackAnswerFormatter.MAX_BLOCKS) {
                out.add(i + 1, block);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }
}
