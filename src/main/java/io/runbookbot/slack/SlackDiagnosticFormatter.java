package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.TextChunks;
import java.util.ArrayList;
import java.util.List;

/** Renders the outcome of a diagnostic: exit code, duration and output in code blocks (cut). */
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
        String summary = "*" + SlackMarkdown.escape(r.commandId()) + "* on `" + SlackMarkdown.escape(r.agent())
                + "`: exit " + r.exitCode() + " in " + r.durationMillis() + " ms"
                + (r.timedOut() ? " (timed out)" : "") + (r.truncated() ? " (output cut at the cap)" : "");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackAnswerFormatter.mrkdwn(summary));
        blocks.add(SlackAnswerFormatter.mrkdwn(code(r.stdout().isEmpty() ? "(no output)" : r.stdout())));
        if (!r.stderr().isBlank()) {
            blocks.add(SlackAnswerFormatter.mrkdwn("stderr:\n" + code(r.stderr())));
        }
        return new SlackMessage(r.commandId() + " on " + r.agent() + ": exit " + r.exitCode(), blocks);
    }

    /** Output as one code block, cut at a line boundary to fit a section block. */
    private static String code(String output) {
        String fenced = "```\n" + SlackMarkdown.escape(output.stripTrailing()).replace("```", "`\u200b``") + "\n```";
        return TextChunks.head(fenced, SlackAnswerFormatter.MAX_SECTION_CHARS - 10, OUTPUT_CUT);
    }
}
