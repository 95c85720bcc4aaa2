package io.runbookbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A rendered Slack message.
 *
 * @param text   the fallback text (notifications, screen readers, clients without blocks)
 * @param blocks the Block Kit blocks, at most {@value SlackAnswerFormatter#MAX_BLOCKS}
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }
}
