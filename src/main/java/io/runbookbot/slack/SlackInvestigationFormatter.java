package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.Investigation;
import io.runbookbot.core.chat.InvestigationText;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;

/** Renders an investigation: header, the "generated" label, the answer, then the bot's sources list. */
final class SlackInvestigationFormatter {
    private static final int MAX_ANSWER_BLOCKS = 10;

    private SlackInvestigationFormatter() {}

    static SlackMessage format(Investigation i) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(TextChunks.cut("Investigation: " + i.symptom(), 150)))));
        blocks.add(context(c -> c.elements(
                List.of(markdownText(":robot_face: _" + SlackMarkdown.escape(InvestigationText.label(i)) + "_")))));
        TextChunks.split(SlackMarkdown.toMrkdwn(i.answer().strip()), SlackAnswerFormatter.MAX_SECTION_CHARS).stream()
                .filter(c -> !c.isBlank())
                .limit(MAX_ANSWER_BLOCKS)
                .forEach(c -> blocks.add(SlackAnswerFormatter.mrkdwn(c)));
        String sources = "*" + SlackMarkdown.escape(InvestigationText.sourcesHeading(i)) + "*"
                + InvestigationText.sourceLines(i).stream()
                        .map(l -> "\n" + SlackMarkdown.escape(l))
                        .reduce("", String::concat);
        blocks.add(SlackAnswerFormatter.mrkdwn(TextChunks.head(sources, SlackAnswerFormatter.MAX_SECTION_CHARS, "…")));
        String text = TextChunks.cut(SlackMarkdown.escape(InvestigationText.plain(i)), SlackAnswerFormatter.MAX_TEXT);
        return new SlackMessage(text, blocks);
    }
}
