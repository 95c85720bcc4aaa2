package io.runbookbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
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
     * The message's blocks with {@code line} added to its runs note (made under the buttons when
     * there is none yet); empty when the message has no buttons or no room for one more block.
     */
    static Optional<List<LayoutBlock>> withLine(List<LayoutBlock> blocks, String line) {
        List<String> lines = new ArrayList<>(lines(blocks));
        lines.add(line);
        return SlackButtonNotes.put(
                blocks,
                BLOCK_ID,
                lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size()).stream()
                        .map(l -> (ContextBlockElement) markdownText(l))
                        .toList());
    }

    /** The lines of a message's runs note, oldest first. */
    static List<String> lines(List<LayoutBlock> blocks) {
        return SlackButtonNotes.texts(blocks, BLOCK_ID);
    }
}
