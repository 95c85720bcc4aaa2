package io.runbookbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.fakes.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonActionsTest {
    private final ButtonActions actions = new ButtonActions(2);

    /** A diagnostic whose parameter has spaces: it does not fit a written-out id. */
    private static BotRequest since(String when) {
        return new BotRequest.RunDiagnostic("local", "journal-since", Map.of("since", when));
    }

    @Test
    void questionButtonsCarryOnlyTheirActionTheQuestionComesFromTheAnswer() {
        String next = actions.idFor(new BotRequest.NextMatch("disk full", 2));
        String whole = actions.idFor(new BotRequest.WholeSection("disk full", 0));
        String share = actions.shareIdFor(new BotRequest.NextMatch("disk full", 0));

        assertThat(List.of(next, whole, share)).containsExactly("q:next:2", "q:whole:0", "q:share:0");
        assertThat(ButtonActions.shares(share)).isTrue();
        assertThat(actions.requestFor(whole, Optional.of("disk full")))
                .contains(new BotRequest.WholeSection("disk full", 0));
        assertThat(actions.requestFor("q:next:-1", Optional.of("x"))).isEmpty();
        assertThat(actions.requestFor("q:next:99999999999", Optional.of("x"))).isEmpty();
        assertThat(actions.requestFor("q:bogus:1", Optional.of("x"))).isEmpty();
        assertThat(actions.remembered()).isZero();
    }

    @Test
    void aVoteOnALongRunbookPathReadsItsLocationBackFromTheFooterSoItNeedsNoMemory() {
        String location =
                "openshift__runbooks/alerts/openshift-virtualization-operator/VirtLauncherPodsStuckFailed.md:23";
        String id = actions.idFor(new BotRequest.Feedback("pods stuck", location, true));

        assertThat(id).isEqualTo("q:vote:+").hasSizeLessThanOrEqualTo(ButtonActions.MAX_ID);
        assertThat(actions.requestFor(
                        id,
                        Optional.of("pods stuck"),
                        AskedLine.location(location.replace(":23", ":23-40") + " · High confidence · match 1 of 3"
                                + AskedLine.of("pods stuck"))))
                .contains(new BotRequest.Feedback("pods stuck", location, true));
        assertThat(actions.remembered()).isZero();
    }

    @Test
    void aFooterThatDoesNotStartWithASpanGivesNoLocation() {
        assertThat(AskedLine.location("ops/db.md:10-42 · Medium confidence")).contains("ops/db.md:10");
        assertThat(AskedLine.location("ops/db.md · Medium")).isEmpty();
        assertThat(AskedLine.location("a:b-c · x")).isEmpty();
        assertThat(AskedLine.location("")).isEmpty();
    }

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
            actions.idFor(since(i + " hours ago"));
        }
        String last = actions.idFor(since("1 day ago"));

        assertThat(actions.remembered()).isEqualTo(2);
        assertThat(actions.requestFor("someone-else:1")).isEmpty();
        assertThat(last).startsWith("ref:");
    }

    @Test
    void aReferencedButtonExpiresADayAfterItWasMadeButAWrittenOutOneNever() {
        FakeTicker ticker = new FakeTicker();
        ButtonActions timed = new ButtonActions(100, ButtonActions.LIFETIME, ticker);
        String ref = timed.idFor(since("1 hour ago"));
        String written = timed.idFor(new BotRequest.RunDiagnostic("web-1", "listening-port", Map.of("port", "8000")));

        ticker.advance(ButtonActions.LIFETIME.minusMinutes(1));
        assertThat(timed.requestFor(ref)).contains(since("1 hour ago"));
        ticker.advance(Duration.ofMinutes(2));
        assertThat(timed.requestFor(ref)).isEmpty();
        assertThat(timed.remembered()).isZero();
        assertThat(timed.requestFor(written)).isPresent();
    }
}
