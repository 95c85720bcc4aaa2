package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.RunLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Run or Confirm click leaves on the message it was made on, for everyone in the channel to
 * see: "`disk-usage` on web-1 ran by @alice at 10:42 UTC: exit 0" under the buttons, the last
 * {@value #MAX_LINES} clicks kept.
 */
final class SlackRunTrace {
    static final String BLOCK_ID = "runbook_runs";
    /** A context block holds at most 10 elements. */
    static final int MAX_LINES = 10;

    private SlackRunTrace() {}

    /** The line for a diagnostic's reply to {@code userId}; empty for any other reply. */
    static Optional<String> line(BotReply reply, String userId, Instant at) {
        return RunLine.of(reply, userId, at);
    }

    /**
     * The message's blocks with {@code line} added to its runs block (made after the buttons when
     * there is none yet); empty when the message has no buttons or no room for one more block.
     */
    static Optional<List<LayoutBlock>> withLine(List<LayoutBlock> blocks, String line) {
        List<LayoutBlock> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ContextBlock runs && BLOCK_ID.equals(runs.getBlockId())) {
                List<ContextBlockElement> lines = new ArrayList<>(runs.getElements());
                lines.add(markdownText(line));
                List<ContextBlockElement> kept = lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
                out.set(i, context(c -> c.blockId(BLOCK_ID).elements(new ArrayList<>(kept))));
                return Optional.of(out);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof ActionsBlock && out.size() < SlackAnswerFormatter.MAX_BLOCKS) {
                out.add(i + 1, context(c -> c.blockId(BLOCK_ID).elements(List.of(markdownText(line)))));
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** The lines of a message's runs block, oldest first. */
    static List<String> lines(List<LayoutBlock> blocks) {
        List<String> lines = new ArrayList<>();
        for (LayoutBlock b : blocks) {
            if (b instanceof ContextBlock runs && BLOCK_ID.equals(runs.getBlockId())) {
                runs.getElements().forEach(e -> lines.add(e instanceof MarkdownTextObject t ? t.getText() : ""));
            }
        }
        return lines;
    }
}
