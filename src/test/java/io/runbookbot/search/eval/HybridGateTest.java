package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridGateTest {
    /** Outcomes of {@code n} questions of a kind, the first {@code right} answered right at rank 1, the rest at rank 2. */
    private static List<Outcome> answered(String kind, int n, int right) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Outcome(kind + i, kind, true, i < right ? 1 : 2, true, Confidence.MEDIUM, List.of()));
        }
        return out;
    }

    /** {@code n} no-answer questions, the first {@code abstained} abstained on. */
    private static List<Outcome> noAnswer(int n, int abstained) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Outcome(
                    "none" + i, EvalQuestion.NO_ANSWER, false, 0, i >= abstained, Confidence.LOW, List.of()));
        }
        return out;
    }

    @SafeVarargs
    private static EvalReport report(List<Outcome>... groups) {
        List<Outcome> all = new ArrayList<>();
        for (List<Outcome> g : groups) {
            all.addAll(g);
        }
        return new EvalReport(Metrics.of(all), Map.of(), all, List.of(), List.of());
    }

    @Test
    void oneQuestionLostInAKindIsTolerated() {
        EvalReport keyword = report(answered("symptom", 10, 8), noAnswer(4, 3));
        EvalReport hybrid = report(answered("symptom", 10, 7), noAnswer(4, 2));

        assertThat(HybridGate.violations("corpus", keyword, hybrid)).isEmpty();
    }

    @Test
    void twoQuestionsLostInOneKindFailEvenWhenAnotherKindGainsMore() {
        EvalReport keyword = report(answered("alert-name", 10, 8), answered("paraphrase", 10, 2));
        EvalReport hybrid = report(answered("alert-name", 10, 6), answered("paraphrase", 10, 9));

        assertThat(HybridGate.violations("seeds", keyword, hybrid))
                .containsExactly("seeds/alert-name: hybrid hit@1 6 < keyword 8 of 10 (more than 1 question worse)");
    }

    @Test
    void answeringTwoMoreQuestionsThatNothingAnswersFails() {
        EvalReport keyword = report(answered("symptom", 5, 5), noAnswer(6, 5));
        EvalReport hybrid = report(answered("symptom", 5, 5), noAnswer(6, 3));

        assertThat(HybridGate.violations("corpus", keyword, hybrid))
                .singleElement()
                .asString()
                .startsWith("corpus/no-answer: hybrid abstained on 3");
    }

    @Test
    void onAFoldOnlyItsQuestionsCount() {
        EvalReport keyword = report(answered("symptom", 10, 10));
        EvalReport hybrid = report(answered("symptom", 10, 7));
        List<EvalQuestion> fold = List.of(
                new EvalQuestion("symptom0", "q", "symptom", List.of()),
                new EvalQuestion("symptom9", "q", "symptom", List.of()));

        assertThat(HybridGate.violations("corpus", keyword, hybrid, fold)).isEmpty();
        assertThat(HybridGate.hits(hybrid, fold)).isEqualTo(1);
        assertThat(HybridGate.violations("corpus", keyword, hybrid)).hasSize(1);
    }
}
