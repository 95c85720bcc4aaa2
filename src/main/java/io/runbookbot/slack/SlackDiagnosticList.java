package io.runbookbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElements;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagnostics a caller may run, one block each with a "Run…" button that asks for the
 * parameters in a modal ({@link SlackRunForm}); the list as text for clients without blocks.
 */
final class SlackDiagnosticList {
    /** Of Slack's 50 blocks, one is kept for "and N more". */
    static final int MAX_SHOWN = 48;

    private SlackDiagnosticList() {}

    static SlackMessage format(BotReply.DiagnosticList list) {
        SlackMessage text = SlackAnswerFormatter.text(list.text());
        if (list.commands().isEmpty()) {
            return text;
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackAnswerFormatter.mrkdwn(list.commands().size() + " diagnostics you may run here:"));
        for (DiagnosticCommand c :
                list.commands().subList(0, Math.min(MAX_SHOWN, list.commands().size()))) {
            String line = "*" + SlackMarkdown.escape(c.id()) + "*: " + SlackMarkdown.escape(c.description())
                    + (c.readOnly() ? "" : " _(changes something: needs confirm)_")
                    + (c.params().isEmpty() ? "" : "\n" + SlackMarkdown.escape(String.join("; ", c.paramLines())));
            String value = SlackRunForm.value(c);
            blocks.add(Blocks.section(s -> s.text(markdownText(TextChunks.cut(line, 2900)))
                    .accessory(BlockElements.button(b -> b.actionId(SlackRunForm.OPEN)
                            .text(plainText("Run…"))
                            .value(value.length() <= SlackButtonValue.MAX_VALUE ? value : "{}")))));
        }
        if (list.commands().size() > MAX_SHOWN) {
            blocks.add(SlackAnswerFormatter.mrkdwn(
                    "…and " + (list.commands().size() - MAX_SHOWN) + " more: `/runbook run <id> key=value`"));
        }
        return new SlackMessage(text.text(), blocks);
    }
}
