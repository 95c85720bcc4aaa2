package io.runbookbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import io.runbookbot.core.chat.VoteLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackVotesTest {
    private static final List<LayoutBlock> ANSWER = List.of(
            SlackAnswerFormatter.mrkdwn("Restart it."),
            actions(a -> a.blockId("runbook_actions")
                    .elements(List.of(SlackAnswerFormatter.button(SlackButtonValue.HELPFUL, "Helpful", "{}")))));

    @Test
    void votesAreCountedUnderTheButtonsOnePerPersonAndAVoteCanBeChanged() {
        List<LayoutBlock> blocks = SlackVotes.withVote(ANSWER, "U1", true).orElseThrow();
        blocks = SlackVotes.withVote(blocks, "U2", true).orElseThrow();
        blocks = SlackVotes.withVote(blocks, "U1", true).orElseThrow();
        blocks = SlackVotes.withVote(blocks, "U3", false).orElseThrow();
        blocks = SlackVotes.withVote(blocks, "U2", false).orElseThrow();

        assertThat(blocks).hasSize(ANSWER.size() + 1);
        VoteLine tally = SlackVotes.tally(blocks);
        assertThat(tally.helpful()).containsExactly("U1");
        assertThat(tally.notHelpful()).containsExactly("U3", "U2");
        assertThat(blocks.get(2).toString()).contains("Helpful (1): <@U1>").contains("Not helpful (2): <@U3> <@U2>");
    }

    @Test
    void readsOnlyWellFormedUserMentions() {
        assertThat(VoteLine.read("Helpful (3): <@U1> <@U2|x> <@> <@U3", "").helpful())
                .containsExactly("U1");
    }

    @Test
    void aMessageWithoutButtonsGetsNoVoteLine() {
        assertThat(SlackVotes.withVote(ANSWER.subList(0, 1), "U1", true)).isEmpty();
    }
}
