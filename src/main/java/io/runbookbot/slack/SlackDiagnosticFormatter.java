package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Renders the outcome of a diagnostic: what ran with which parameters, exit code, duration, whether
 * the output was cut, the output in code blocks, and a "Share in channel" button that posts the
 * same output to the channel for everyone ({@link SlackRunShare}).
 */
final class SlackDiagnosticFormatter implements DiagnosticReport.Visitor<SlackMessage> {
    private static final String OUTPUT_CUT = "_Output cut here; run it on the host for the rest._";
    private static final SlackDiagnosticFormatter INSTANCE = new SlackDiagnosticFormatter();

    private SlackDiagnosticFormatter() {}

    static SlackMessage format(DiagnosticReport r) {
        return r.accept(INSTANCE);
    }

    @Override
    public SlackMessage needsConfirmation(DiagnosticReport.NeedsConfirmation r) {
        String text = SlackMarkdown.escape(r.message());
        return new SlackMessage(
                text,
                List.of(
                        SlackAnswerFormatter.mrkdwn(text),
                        actions(a -> a.blockId("runbook_confirm")
                                .elements(List.of(SlackAnswerFormatter.button(
                                        SlackButtonValue.CONFIRM, "Confirm " + r.commandId(), r.token()))))));
    }

    @Override
    public SlackMessage refused(DiagnosticReport.Refused r) {
        return SlackAnswerFormatter.text(r.message());
    }

    @Override
    public SlackMessage ran(DiagnosticReport.Ran r) {
        return ran(r, null);
    }

    /** The output as posted to the channel because {@code userId} shared it: no Share button. */
    static SlackMessage sharedBy(DiagnosticReport.Ran r, String userId) {
        return ran(r, userId);
    }

    private static SlackMessage ran(DiagnosticReport.Ran r, @Nullable String sharedBy) {
        String summary = "*" + SlackMarkdown.escape(r.commandId()) + "*" + params(r.params()) + " on `"
                + SlackMarkdown.escape(r.agent()) + "`: exit " + r.exitCode() + " in " + r.durationMillis() + " ms"
                + (r.timedOut() ? " (timed out)" : "") + (r.truncated() ? " (output cut at the cap)" : "");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackAnswerFormatter.mrkdwn(TextChunks.cut(summary, SlackAnswerFormatter.MAX_SECTION_CHARS)));
        if (sharedBy != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText("Shared by <@" + sharedBy + ">")))));
        }
        blocks.add(SlackAnswerFormatter.mrkdwn(code(r.stdout().isEmpty() ? "(no output)" : r.stdout())));
        if (!r.stderr().isBlank()) {
            blocks.add(SlackAnswerFormatter.mrkdwn("stderr:\n" + code(r.stderr())));
        }
        if (sharedBy == null) {
            SlackRunShare.value(r)
                    .ifPresent(value -> blocks.add(actions(a -> a.blockId("runbook_run_output")
                            .elements(List.of(
                                    SlackAnswerFormatter.button(SlackRunShare.SHARE, "Share in channel", value))))));
        }
        return new SlackMessage(r.commandId() + " on " + r.agent() + ": exit " + r.exitCode(), blocks);
    }

    /** " port=8000 unit=nginx": what it ran with, sorted, each value cut short. */
    private static String params(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params)
                .forEach((k, v) -> out.append(' ')
                        .append(SlackMarkdown.escape(TextChunks.cut(k, 60)))
                        .append("=`")
                        .append(SlackMarkdown.escape(TextChunks.cut(v, 120)).replace("`", "'"))
                        .append('`'));
        return out.toString();
    }

    /** Output as one code block, cut at a line boundary to fit a section block. */
    private static String code(String output) {
        String fenced = "```\n" + SlackMarkdown.escape(output.stripTrailing()).replace("```", "`\u200b``") + "\n```";
        return TextChunks.head(fenced, SlackAnswerFormatter.MAX_SECTION_CHARS - 10, OUTPUT_CUT);
    }
}
