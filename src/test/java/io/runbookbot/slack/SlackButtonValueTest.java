package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.runbookbot.core.chat.BotRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Button values written with Jackson read back as the same request; anything else is refused. */
class SlackButtonValueTest {

    @Test
    void everyButtonValueReadsBackAsTheRequestItWasWrittenFor() {
        String question = "disk \"full\" <now> & \u2028 again";

        assertThat(SlackButtonValue.decode(
                        SlackButtonValue.RUN + "0",
                        SlackButtonValue.run("db-1", "disk-usage", Map.of("path", "/var/lib"))))
                .isEqualTo(new BotRequest.RunDiagnostic("db-1", "disk-usage", Map.of("path", "/var/lib")));
        assertThat(SlackButtonValue.decode(SlackButtonValue.NEXT, SlackButtonValue.next(question, 2)))
                .isEqualTo(new BotRequest.NextMatch(question, 2));
        assertThat(SlackButtonValue.decode(SlackButtonValue.NOT_HELPFUL, SlackButtonValue.vote(question, "disk.md:3")))
                .isEqualTo(new BotRequest.Feedback(question, "disk.md:3", false));
    }

    @Test
    void aQuestionFullOfQuotesStillMakesValuesWithinSlacksLimit() {
        String quotes = "\"\\\u0001".repeat(700);

        String next = SlackButtonValue.next(quotes, 1);
        String vote = SlackButtonValue.vote(quotes, "disk.md:3");

        assertThat(next.length())
                .isLessThanOrEqualTo(SlackButtonValue.MAX_VALUE)
                .isGreaterThan(1500);
        assertThat(vote.length()).isLessThanOrEqualTo(SlackButtonValue.MAX_VALUE);
        BotRequest.NextMatch decoded = (BotRequest.NextMatch) SlackButtonValue.decode(SlackButtonValue.NEXT, next);
        assertThat(quotes).startsWith(decoded.question());
    }

    @Test
    void aValueTheBotDidNotWriteIsRefusedWithIllegalArgument() {
        for (String value :
                new String[] {"", "not json", "[1]", "{}", "{\"q\":1,\"i\":2}", "{\"q\":\"x\",\"i\":\"two\"}"}) {
            assertThatIllegalArgumentException()
                    .as(value)
                    .isThrownBy(() -> SlackButtonValue.decode(SlackButtonValue.NEXT, value));
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackButtonValue.decode(
                        SlackButtonValue.RUN + "0", "{\"agent\":\"a\",\"id\":\"x\",\"params\":{\"p\":[1]}}"));
    }
}
