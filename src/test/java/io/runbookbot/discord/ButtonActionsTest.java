package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeTicker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ButtonActionsTest {
    private final ButtonActions actions = new ButtonActions(2);

    @Test
    void writesOutADiagnosticThatFitsSoItSurvivesARestart() {
        String id = actions.idFor(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));

        assertThat(id).isEqualTo("cmd:run listening-port port=8000 on web-1");
        assertThat(new ButtonActions(2).requestFor(id))
                .contains(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));
    }

    @Test
    void referencesAParameterWithSpacesInsteadOfWritingItOut() {
        BotRequest run = new BotRequest.RunDiagnostic("local", "journal-since", Map.of("since", "1 hour ago"));

        String id = actions.idFor(run);

        assertThat(id).matches("ref:[A-Za-z0-9]{12}");
        assertThat(actions.requestFor(id)).contains(run);
    }

    @Test
    void remembersAtMostItsCapacityOfReferencedButtons() {
        for (int i = 0; i < 50; i++) {
            actions.idFor(new BotRequest.NextMatch("question " + i, 1));
        }
        String last = actions.idFor(new BotRequest.NextMatch("c", 1));

        assertThat(actions.remembered()).isEqualTo(2);
        assertThat(actions.requestFor("someone-else:1")).isEmpty();
        assertThat(last).startsWith("ref:");
    }

    @Test
    void aReferencedButtonExpiresADayAfterItWasMadeButAWrittenOutOneNever() {
        FakeTicker ticker = new FakeTicker();
        ButtonActions timed = new ButtonActions(100, ButtonActions.LIFETIME, ticker);
        String ref = timed.idFor(new BotRequest.NextMatch("disk full", 1));
        String written = timed.idFor(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));

        ticker.advance(ButtonActions.LIFETIME.minusMinutes(1));
        assertThat(timed.requestFor(ref)).contains(new BotRequest.NextMatch("disk full", 1));
        ticker.advance(Duration.ofMinutes(2));
        assertThat(timed.requestFor(ref)).isEmpty();
        assertThat(timed.remembered()).isZero();
        assertThat(timed.requestFor(written)).isPresent();
    }
}
