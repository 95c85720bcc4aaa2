package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.chat.BotReply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackRunTraceTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:42:07Z");
    private static final DiagnosticCall CALL = new DiagnosticCall("web-1", "disk-usage", Map.of());
    private static final List<LayoutBlock> ANSWER = List.of(
            header(h -> h.text(plainText("Disk full"))),
            SlackAnswerFormatter.mrkdwn("Free some space."),
            actions(a -> a.blockId("runbook_actions")
                    .elements(
                            List.of(SlackAnswerFormatter.button(SlackButtonValue.RUN + "0", "Run disk-usage", "{}")))));

    private static String ran(int exit) {
        BotReply reply = new BotReply.Diagnostic(new DiagnosticReport.Ran("ok", CALL, exit, "", "", false, false, 12));
        return SlackRunTrace.line(reply, "U0ALICE", AT).orElseThrow();
    }

    @Test
    void saysWhoRanWhatWhereWhenAndHowItEnded() {
        BotReply refused = new BotReply.Diagnostic(
                new DiagnosticReport.Refused(DiagnosticReport.Refused.Reason.DENIED, "no", CALL));
        BotReply pending = new BotReply.Diagnostic(new DiagnosticReport.NeedsConfirmation("sure?", CALL, "tok"));

        assertThat(ran(0)).isEqualTo("`disk-usage` on web-1 ran by <@U0ALICE> at 10:42 UTC: exit 0");
        assertThat(SlackRunTrace.line(refused, "U0BOB", AT))
                .contains("`disk-usage` on web-1 refused by <@U0BOB> at 10:42 UTC");
        assertThat(SlackRunTrace.line(pending, "U0BOB", AT))
                .contains("`disk-usage` on web-1 asked by <@U0BOB> at 10:42 UTC, waiting for confirmation");
        assertThat(SlackRunTrace.line(new BotReply.Text("hi"), "U0BOB", AT)).isEmpty();
    }

    @Test
    void theFirstRunAddsALineUnderTheButtonsAndLaterOnesKeepTheLastTen() {
        List<LayoutBlock> blocks = SlackRunTrace.withLine(ANSWER, ran(0)).orElseThrow();

        assertThat(blocks).hasSize(ANSWER.size() + 1);
        assertThat(SlackRunTrace.lines(blocks)).containsExactly(ran(0));
        for (int exit = 1; exit <= 12; exit++) {
            blocks = SlackRunTrace.withLine(blocks, ran(exit)).orElseThrow();
        }
        assertThat(blocks).hasSize(ANSWER.size() + 1);
        assertThat(SlackRunTrace.lines(blocks))
                .hasSize(SlackRunTrace.MAX_LINES)
                .endsWith(ran(12))
                .startsWith(ran(3));
    }

    @Test
    void aMessageWithoutButtonsOrWithoutRoomIsLeftAlone() {
        List<LayoutBlock> full = new ArrayList<>(
                Collections.nCopies(SlackAnswerFormatter.MAX_BLOCKS - 1, SlackAnswerFormatter.mrkdwn("x")));
        full.add(ANSWER.get(2));

        assertThat(SlackRunTrace.withLine(ANSWER.subList(0, 2), ran(0))).isEmpty();
        assertThat(SlackRunTrace.withLine(full, ran(0))).isEmpty();
    }
}
