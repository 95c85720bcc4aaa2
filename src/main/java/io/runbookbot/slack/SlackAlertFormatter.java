package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.alert.AlertLine;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.AlertRunbook;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert group's message in Block Kit: a header with its status, the key labels, one line per
 * alert, then the runbook section's first screen with its Run buttons, or, when no runbook covers
 * it, the alert's own summary and description. Every outside string is mrkdwn-escaped, so a label
 * holding {@code <!channel>} or a link is shown, never acted on.
 */
final class SlackAlertFormatter {
    static final int MAX_ALERT_LINES = 10;
    private static final int MAX_RUN_BUTTONS = 5;
    private static final int MAX_URL = 3000;
    private static final int MAX_CONTEXT = 1000;

    private SlackAlertFormatter() {}

    static SlackMessage format(AlertPost post) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String icon = post.allResolved() ? "\u2705 " : "\ud83d\udd25 ";
        blocks.add(header(h -> h.text(plainText(TextChunks.cut(icon + post.headline(), 150)))));
        if (!post.keyLabels().isEmpty()) {
            blocks.add(contextLine("`"
                    + SlackMarkdown.escape(TextChunks.cut(post.labelLine(), 600).replace('`', '\'')) + "`"));
        }
        blocks.add(
                SlackAnswerFormatter.mrkdwn(TextChunks.cut(alertLines(post), SlackAnswerFormatter.MAX_SECTION_CHARS)));
        post.section()
                .ifPresentOrElse(runbook -> blocks.addAll(runbook(runbook)), () -> blocks.addAll(uncovered(post)));
        return new SlackMessage(
                TextChunks.cut(SlackMarkdown.escape(post.headline()), SlackAnswerFormatter.MAX_TEXT), blocks);
    }

    /** One line per alert while they fit in a section block, then how many more there are. */
    private static String alertLines(AlertPost post) {
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (AlertLine alert : post.alerts()) {
            String line = alertLine(alert);
            if (shown == MAX_ALERT_LINES
                    || lines.length() + line.length() > SlackAnswerFormatter.MAX_SECTION_CHARS - 40) {
                break;
            }
            lines.append(line).append('\n');
            shown++;
        }
        int more = post.notShown() + post.alerts().size() - shown;
        if (more > 0) {
            lines.append("_and ").append(more).append(" more_");
        }
        return lines.toString().stripTrailing();
    }

    private static String alertLine(AlertLine alert) {
        StringBuilder line = new StringBuilder(alert.firing() ? "\ud83d\udd34 " : "\ud83d\udfe2 ")
                .append(SlackMarkdown.escape(TextChunks.cut(alert.name(), 200)));
        if (!alert.labels().isEmpty()) {
            line.append(" `")
                    .append(SlackMarkdown.escape(TextChunks.cut(AlertPost.labelLine(alert.labels()), 300)
                            .replace('`', '\'')))
                    .append('`');
        }
        if (!alert.startsAt().isBlank()) {
            line.append(" since ").append(SlackMarkdown.escape(TextChunks.cut(alert.startsAt(), 40)));
        }
        if (isWebUrl(alert.generatorUrl()) && alert.generatorUrl().length() <= 500) {
            line.append(" · <").append(alert.generatorUrl()).append("|rule>");
        }
        return line.toString();
    }

    private static List<LayoutBlock> runbook(AlertRunbook runbook) {
        RunbookSection s = runbook.section();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!runbook.meaning().isBlank()) {
            blocks.add(contextLine("*Meaning:* " + SlackMarkdown.escape(runbook.meaning())));
        }
        blocks.add(SlackAnswerFormatter.mrkdwn("*" + SlackMarkdown.escape(TextChunks.cut(s.headingPath(), 300)) + "*"));
        List<String> chunks = TextChunks.split(
                SlackMarkdown.toMrkdwn(runbook.readable().first()), SlackAnswerFormatter.MAX_SECTION_CHARS);
        chunks.stream().limit(20).filter(c -> !c.isBlank()).forEach(c -> blocks.add(SlackAnswerFormatter.mrkdwn(c)));
        String location = s.file() + ":" + s.line() + "-" + s.endLine();
        String source =
                isWebUrl(runbook.sourceUrl()) ? "<" + runbook.sourceUrl() + "|" + location + ">" : "`" + location + "`";
        blocks.add(
                contextLine("Source: " + source + (runbook.readable().more() ? "  ·  the section goes on there" : "")));
        List<BlockElement> buttons = buttons(runbook);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("alert_actions").elements(buttons)));
        }
        return blocks;
    }

    private static List<BlockElement> buttons(AlertRunbook runbook) {
        List<BlockElement> buttons = new ArrayList<>();
        List<DiagnosticSuggestion> checks = runbook.checks();
        for (int i = 0; i < Math.min(MAX_RUN_BUTTONS, checks.size()); i++) {
            DiagnosticSuggestion d = checks.get(i);
            String value = SlackButtonValue.run(runbook.agent(), d.commandId(), d.params());
            if (value.length() <= SlackButtonValue.MAX_VALUE) {
                buttons.add(SlackAnswerFormatter.button(
                        SlackButtonValue.RUN + i, TextChunks.cut("Run " + d.commandId(), 75), value));
            }
        }
        if (isWebUrl(runbook.sourceUrl())) {
            buttons.add(BlockElements.button(b -> b.actionId(SlackButtonValue.OPEN)
                    .text(plainText("Open runbook"))
                    .url(runbook.sourceUrl())));
        }
        return buttons;
    }

    private static List<LayoutBlock> uncovered(AlertPost post) {
        StringBuilder text = new StringBuilder("No runbook covers this alert.");
        for (String name : List.of("summary", "description")) {
            String value = post.annotations().getOrDefault(name, "");
            if (!value.isBlank()) {
                text.append("\n*").append(name).append(":* ").append(SlackMarkdown.escape(TextChunks.cut(value, 1200)));
            }
        }
        return List.of(
                SlackAnswerFormatter.mrkdwn(TextChunks.cut(text.toString(), SlackAnswerFormatter.MAX_SECTION_CHARS)));
    }

    private static LayoutBlock contextLine(String mrkdwn) {
        return context(c -> c.elements(List.of(markdownText(TextChunks.cut(mrkdwn, MAX_CONTEXT)))));
    }

    /** Only http(s) links without characters that would end Slack's {@code <url|label>} early. */
    static boolean isWebUrl(String url) {
        return (url.startsWith("https://") || url.startsWith("http://"))
                && url.length() <= MAX_URL
                && url.chars().noneMatch(c -> c == '|' || c == '>' || c == '<' || c <= ' ');
    }
}
