package io.runbookbot.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static List<EvalQuestion> questions() {
        List<EvalQuestion> out = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> out.add(q("s" + i, "symptom")));
        IntStream.range(0, 10).forEach(i -> out.add(q("c" + i, "command")));
        return out;
    }

    private static EvalQuestion q(String id, String kind) {
        return new EvalQuestion(id, "question " + id, kind, List.of());
    }

    private static List<List<String>> ids(CrossValidation cv) {
        return IntStream.range(0, cv.k())
                .mapToObj(
                        i -> cv.test(i).stream().map(EvalQuestion::id).sorted().toList())
                .toList();
    }

    @Test
    void foldsAreTheSameWhateverTheOrderOfTheQuestionFile() {
        List<EvalQuestion> shuffled = new ArrayList<>(questions());
        Collections.reverse(shuffled);

        assertThat(ids(CrossValidation.of(shuffled, 5, 7))).isEqualTo(ids(CrossValidation.of(questions(), 5, 7)));
    }

    @Test
    void everyQuestionIsHeldOutExactlyOnceAndEachFoldHoldsItsShareOfEveryKind() {
        CrossValidation cv = CrossValidation.of(questions(), 5, 7);

        assertThat(ids(cv).stream().flatMap(List::stream)).hasSize(30).doesNotHaveDuplicates();
        for (int i = 0; i < 5; i++) {
            assertThat(cv.test(i).stream().filter(q -> q.kind().equals("symptom")))
                    .hasSize(4);
            assertThat(cv.test(i).stream().filter(q -> q.kind().equals("command")))
                    .hasSize(2);
            assertThat(cv.train(i)).hasSize(24).doesNotContainAnyElementsOf(cv.test(i));
        }
    }

    @Test
    void anotherSeedGivesOtherFolds() {
        assertThat(ids(CrossValidation.of(questions(), 5, 8))).isNotEqualTo(ids(CrossValidation.of(questions(), 5, 7)));
    }

    @Test
    void spreadReportsMeanMinMaxAndStandardDeviationOverFolds() {
        CrossValidation.Spread spread = new CrossValidation.Spread(new double[] {0.5, 1.0, 0.5, 1.0});

        assertThat(List.of(spread.mean(), spread.min(), spread.max(), spread.stddev()))
                .containsExactly(0.75, 0.5, 1.0, 0.25);
    }

    @Test
    void selectionScoresTheVariantChosenOnTheOtherFoldsOnTheHeldOutFoldOnly() {
        CrossValidation cv = CrossValidation.of(questions(), 5, 7);
        // "fits" scores 1 on any set containing s0 (overfits one question), "steady" scores 0.6 everywhere
        CrossValidation.Selection<String> chosen = cv.select(
                List.of("steady", "fits"),
                (v, qs) -> v.equals("steady") ? 0.6 : qs.stream().anyMatch(q -> q.id().equals("s0")) ? 1.0 : 0.0);

        int foldOfS0 = IntStream.range(0, 5)
                .filter(i -> cv.test(i).stream().anyMatch(q -> q.id().equals("s0")))
                .findFirst()
                .orElseThrow();
        assertThat(chosen.chosen().get(foldOfS0)).isEqualTo("steady");
        assertThat(chosen.heldOut().perFold()[foldOfS0]).isEqualTo(0.6);
        assertThat(chosen.heldOut().mean()).isEqualTo(0.0 * 4 / 5 + 0.6 / 5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aConstraintOnTheTrainingFoldsRulesAVariantOutButTheHeldOutFoldIsScoredPlainly() {
        CrossValidation cv = CrossValidation.of(questions(), 5, 7);
        // "bold" scores higher but breaks a constraint whenever c0 is trained on; "safe" always passes
        CrossValidation.Selection<String> chosen = cv.select(
                List.of("safe", "bold"),
                (v, qs) -> v.equals("bold") && qs.stream().anyMatch(q -> q.id().equals("c0"))
                        ? Double.NEGATIVE_INFINITY
                        : v.equals("bold") ? 0.9 : 0.5,
                (v, qs) -> v.equals("bold") ? 0.9 : 0.5);

        int foldOfC0 = IntStream.range(0, 5)
                .filter(i -> cv.test(i).stream().anyMatch(q -> q.id().equals("c0")))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(chosen.chosen().get(i)).isEqualTo(i == foldOfC0 ? "bold" : "safe");
            assertThat(chosen.heldOut().perFold()[i]).isEqualTo(i == foldOfC0 ? 0.9 : 0.5);
        }
    }
}
