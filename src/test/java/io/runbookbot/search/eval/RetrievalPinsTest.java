package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Pins fail both ways, and per-question pins name the questions fixed and broken. */
class RetrievalPinsTest {
    private static Outcome outcome(String id, int rankedAt, boolean answered) {
        return new Outcome(id, "symptom", true, rankedAt, answered, Confidence.MEDIUM, List.of("a.md#" + rankedAt));
    }

    private static EvalReport report(Outcome... outcomes) {
        Metrics m = Metrics.of(List.of(outcomes));
        return new EvalReport(m, Map.of("symptom", m), List.of(outcomes), List.of(), List.of());
    }

    private static Properties pins(EvalReport pinned) {
        Properties p = new Properties();
        p.putAll(RetrievalPins.figures("set", pinned));
        return p;
    }

    @Test
    void aFigureThatRisesFailsUntilRePinnedAndSaysItIsBetter() {
        Properties pins = pins(report(outcome("q1", 1, true), outcome("q2", 2, true)));

        assertThat(RetrievalPins.differences(pins, "set", report(outcome("q1", 1, true), outcome("q2", 1, true))))
                .contains("set.all.hit1: measured 1.0000, pinned 0.5000 (better)");
    }

    @Test
    void aQuestionNewlyWithheldShowsAsWorseHit1AndMoreWithheld() {
        Properties pins = pins(report(outcome("q1", 1, true), outcome("q2", 1, true)));

        assertThat(RetrievalPins.differences(pins, "set", report(outcome("q1", 1, true), outcome("q2", 1, false))))
                .contains(
                        "set.all.hit1: measured 0.5000, pinned 1.0000 (WORSE)",
                        "set.all.withheld: measured 1, pinned 0 (WORSE)");
    }

    @Test
    void unchangedFiguresGiveNoDifference() {
        EvalReport same = report(outcome("q1", 1, true), outcome("q2", 3, true));

        assertThat(RetrievalPins.differences(pins(same), "set", same)).isEmpty();
    }

    @Test
    void topThreePinsNameTheFixedAndBrokenQuestionsEvenWhenTheAveragesAreEqual() {
        EvalReport before = report(outcome("q1", 1, true), outcome("q2", 2, true));
        Map<String, String> pinned = TopThreePins.load("none");
        TopThreePins.tsv(before)
                .lines()
                .filter(l -> !l.startsWith("#"))
                .forEach(l -> pinned.put(l.substring(0, l.indexOf('\t')), l));

        List<String> diff = TopThreePins.differences(pinned, report(outcome("q1", 2, true), outcome("q2", 1, true)));

        assertThat(diff).hasSize(3);
        assertThat(diff.get(0)).startsWith("q1 symptom: broke (was hit@1)");
        assertThat(diff.get(1)).startsWith("q2 symptom: fixed (now hit@1)");
        assertThat(diff.get(2)).isEqualTo("2 question(s) differ: 1 fixed, 1 broken at hit@1");
    }
}
