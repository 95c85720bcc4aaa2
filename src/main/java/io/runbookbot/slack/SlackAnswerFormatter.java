package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link BotReply} as Block Kit within Slack's limits: {@value #MAX_SECTION_CHARS}
 * characters per section block, {@value #MAX_BLOCKS} blocks, cut at paragraph or code-block
 * boundaries (never inside a code block) with a link to the full runbook when cut.
 */
public final class SlackAnswerFormatter implements BotReply.Visitor<SlackMessage> {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_CHARS = 3000;
    /** Fallback text is kept well under Slack's ~4,000 characters. */
    static final int MAX_TEXT = 3000;

    private static final int MAX_HEADER = 150;
    /** Well under Slack's 3,000 characters for a context element's text. */
    private static final int MAX_CONTEXT = 1000;

    private static final int MAX_RUN_BUTTONS = 5;
    /** Slack's limit for a button's URL. */
    private static final int MAX_URL = 3000;

    private static final SlackAnswerFormatter PUBLIC = new SlackAnswerFormatter(false, null);
    private static final SlackAnswerFormatter PRIVATE = new SlackAnswerFormatter(true, null);

    /** Whether a section answer gets a "Share in channel" button (it is shown to the asker only). */
    private final boolean shareable;
    /** The Slack user id of who shared it, for a section answer posted to the channel on their behalf. */
    private final @Nullable String sharedBy;

    private SlackAnswerFormatter(boolean shareable, @Nullable String sharedBy) {
        this.shareable = shareable;
        this.sharedBy = sharedBy;
    }

    /** A reply everyone in the conversation sees (a thread, a channel). */
    public static SlackMessage format(BotReply reply) {
        return Objects.requireNonNull(reply, "reply").accept(PUBLIC);
    }

    /** A reply only the asker sees (ephemeral): a section answer can be shared from there. */
    static SlackMessage privately(BotReply reply) {
        return Objects.requireNonNull(reply, "reply").accept(PRIVATE);
    }

    /** A reply posted to the channel because {@code userId} shared it. */
    static SlackMessage sharedBy(BotReply reply, String userId) {
        return Objects.requireNonNull(reply, "reply").accept(new SlackAnswerFormatter(false, userId));
    }

    @Override
    public SlackMessage section(BotReply.SectionAnswer answer) {
        return sectionMessage(answer, shareable, sharedBy);
    }

    @Override
    public SlackMessage noMatch(BotReply.NoMatch none) {
        return noMatchMessage(none);
    }

    @Override
    public SlackMessage investigated(BotReply.Investigated investigated) {
        return SlackInvestigationFormatter.format(investigated.investigation());
    }

    @Override
    public SlackMessage diagnostic(BotReply.Diagnostic diagnostic) {
        return SlackDiagnosticFormatter.format(diagnostic.report());
    }

    @Override
    public SlackMessage text(BotReply.Text text) {
        return text(text.text());
    }

    @Override
    public SlackMessage diagnostics(BotReply.DiagnosticList list) {
        return SlackDiagnosticList.format(list);
    }

    /** A plain message (mrkdwn-escaped, cut to {@value #MAX_TEXT} characters). */
    static SlackMessage text(String text) {
        return new SlackMessage(TextChunks.head(SlackMarkdown.escape(text), MAX_TEXT, "…"), List.of());
    }

    private static SlackMessage sectionMessage(BotReply.SectionAnswer a, boolean shareable, @Nullable String sharedBy) {
        RunbookSection s = a.shown().section();
        String location = s.file() + ":" + s.line() + "-" + s.endLine();
        String source = a.sourceUrl().map(u -> "<" + u + "|" + location + ">").orElse("`" + location + "`");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(TextChunks.cut(s.headingPath(), MAX_HEADER)))));
        if (sharedBy != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText("Shared by <@" + sharedBy + ">")))));
        }
        blocks.addAll(notices(a.notices()));
        a.summary().ifPresent(summary -> blocks.addAll(summary(summary)));
        int room = MAX_BLOCKS - 2 - blocks.size() - (a.others().isEmpty() ? 0 : 1);
        List<String> chunks =
                TextChunks.split(SlackMarkdown.toMrkdwn(a.readable().first()), MAX_SECTION_CHARS);
        boolean cutShort = chunks.size() > room;
        chunks.stream()
                .limit(cutShort ? room - 1 : room)
                .filter(c -> !c.isBlank())
                .forEach(c -> blocks.add(mrkdwn(c)));
        if (cutShort) {
            blocks.add(mrkdwn("_The section goes on; full runbook:_ " + source));
        }
        blocks.add(context(c -> c.elements(List.of(
                markdownText("Source: " + source + "  ·  " + a.confidence().caption())))));
        blocks.add(actions(b -> b.blockId("runbook_actions").elements(buttons(a, shareable))));
        if (!a.others().isEmpty()) {
            blocks.add(mrkdwn("*" + a.confidence().othersTitle() + "*\n" + candidates(a.others())));
        }
        return new SlackMessage(
                TextChunks.cut(SlackMarkdown.escape(s.headingPath()) + " (" + location + ")", MAX_TEXT), blocks);
    }

    private static List<BlockElement> buttons(BotReply.SectionAnswer a, boolean shareable) {
        List<BlockElement> buttons = new ArrayList<>();
        if (shareable) {
            buttons.add(
                    button(SlackButtonValue.SHARE, "Share in channel", SlackButtonValue.next(a.question(), a.index())));
        }
        List<DiagnosticSuggestion> suggestions = a.suggestions();
        for (int i = 0; i < Math.min(MAX_RUN_BUTTONS, suggestions.size()); i++) {
            DiagnosticSuggestion d = suggestions.get(i);
            String value = SlackButtonValue.run(a.runOn(), d.commandId(), d.params());
            if (value.length() <= SlackButtonValue.MAX_VALUE) {
                buttons.add(button(SlackButtonValue.RUN + i, TextChunks.cut("Run " + d.commandId(), 75), value));
            }
        }
        if (a.readable().more()) {
            buttons.add(button(
                    SlackButtonValue.WHOLE, "Show full section", SlackButtonValue.next(a.question(), a.index())));
        }
        if (!a.others().isEmpty()) {
            buttons.add(
                    button(SlackButtonValue.NEXT, "Next match", SlackButtonValue.next(a.question(), a.index() + 1)));
        }
        a.sourceUrl()
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .filter(u -> u.length() <= MAX_URL)
                .ifPresent(u -> buttons.add(BlockElements.button(b -> b.actionId(SlackButtonValue.OPEN)
                        .text(plainText("Open runbook"))
                        .url(u))));
        String vote = SlackButtonValue.vote(a.question(), a.shown().section().location());
        buttons.add(button(SlackButtonValue.HELPFUL, "Helpful", vote));
        buttons.add(button(SlackButtonValue.NOT_HELPFUL, "Not helpful", vote));
        return buttons;
    }

    private static SlackMessage noMatchMessage(BotReply.NoMatch none) {
        String text = "No runbook matches \"" + SlackMarkdown.escape(TextChunks.cut(none.question(), 500)) + "\"."
                + (none.candidates().isEmpty() ? "" : "\nClosest, though weak:\n" + candidates(none.candidates()));
        List<LayoutBlock> blocks = new ArrayList<>(List.of(mrkdwn(TextChunks.cut(text, MAX_SECTION_CHARS))));
        blocks.addAll(notices(none.notices()));
        return new SlackMessage(TextChunks.cut(text, MAX_TEXT), blocks);
    }

    /** How the answer was found, as one small context line; nothing when there is nothing to note. */
    private static List<LayoutBlock> notices(List<String> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        String line = "\u2139\ufe0f " + SlackMarkdown.escape(String.join("  ·  ", notices));
        return List.of(context(c -> c.elements(List.of(markdownText(TextChunks.cut(line, MAX_CONTEXT))))));
    }

    /** The generated summary: its label as a context line, then the summary in a section block. */
    private static List<LayoutBlock> summary(Summary summary) {
        return List.of(
                context(c -> c.elements(List.of(markdownText(SlackMarkdown.escape(summary.label()))))),
                mrkdwn(TextChunks.cut(SlackMarkdown.toMrkdwn(summary.text()), MAX_SECTION_CHARS)));
    }

    private static String candidates(List<SectionHit> hits) {
        StringBuilder lines = new StringBuilder();
        for (SectionHit hit : hits.subList(0, Math.min(hits.size(), 10))) {
            RunbookSection s = hit.section();
            lines.append("• ")
                    .append(SlackMarkdown.escape(TextChunks.cut(s.headingPath(), 200)))
                    .append(" — `")
                    .append(s.location())
                    .append("`\n");
        }
        return lines.toString().stripTrailing();
    }

    static LayoutBlock mrkdwn(String text) {
        return Blocks.section(b -> b.text(markdownText(text)));
    }

    static BlockElement button(String actionId, String label, String value) {
        return BlockElements.button(
                b -> b.actionId(actionId).text(plainText(label)).value(value));
    }
}
