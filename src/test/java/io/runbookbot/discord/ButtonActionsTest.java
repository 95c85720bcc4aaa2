package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.chat.BotRequest;
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
    void forgetsTheOldestReferencedButtonsBeyondItsCapacity() {
        String first = actions.idFor(new BotRequest.NextMatch("a", 1));
        String second = actions.idFor(new BotRequest.NextMatch("b", 1));
        String third = actions.idFor(new BotRequest.NextMatch("c", 1));

        assertThat(actions.requestFor(first)).isEmpty();
        assertThat(actions.requestFor(second)).contains(new BotRequest.NextMatch("b", 1));
        assertThat(actions.requestFor(third)).contains(new BotRequest.NextMatch("c", 1));
        assertThat(actions.requestFor("someone-else:1")).isEmpty();
    }
}
