package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.BotReply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private SlackRunTrace() {}

    /** The line for a diagnostic's reply to {@code userId}; empty for any other reply. */
    static Optional<String> line(BotReply reply, String userId, Instant at) {
        String who = " by <@" + userId + "> at " + TIME.format(at) + " UTC";
        return reply.accept(new BotReply.Visitor<Optional<String>>() {
            @Override
            public Optional<String> diagnostic(BotReply.Diagnostic diagnostic) {
                return Optional.of(diagnostic.report().accept(new Lines(who)));
            }

            @Override
            public Optional<String> section(BotReply.SectionAnswer answer) {
                return Optional.empty();
            }

            @Override
            public Optional<String> noMatch(BotReply.NoMatch none) {
                return Optional.empty();
            }

            @Override
            public Optional<String> investigated(BotReply.Investigated investigated) {
                return Optional.empty();
            }

            @Override
            public Optional<String> text(BotReply.Text text) {
                return Optional.empty();
            }

            @Override
            public Optional<String> diagnostics(BotReply.DiagnosticList list) {
                return Optional.empty();
            }
        });
    }

    /** "`id` on agent ran by ... : exit 0", "refused by ...", "asked by ..., waiting for confirmation". */
    private record Lines(String who) implements DiagnosticReport.Visitor<String> {
        private static String what(DiagnosticReport r) {
            return "`" + r.commandId() + "` on " + r.agent();
        }

        @Override
        public String ran(DiagnosticReport.Ran ran) {
            return what(ran) + " ran" + who + ": " + (ran.timedOut() ? "timed out" : "exit " + ran.exitCode());
        }

        @Override
        public String refused(DiagnosticReport.Refused refused) {
            return what(refused) + " refused" + who;
        }

        @Override
        public String needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
            return what(pending) + " asked" + who + ", waiting for confirmation";
        }
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
