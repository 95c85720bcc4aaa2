package io.runbookbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.IndexedRunbooks;
import io.runbookbot.search.eval.EvalQuestion;
import io.runbookbot.search.eval.EvalSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unasked answers in incident channels, measured on the shared dev sets. */
class IncidentTriageTest {
    private static final Path SHARED = Path.of(System.getProperty("runbookbot.shared", "../shared"));
    private static IndexedRunbooks corpus;

    @BeforeAll
    static void index() {
        corpus = IndexedRunbooks.open(SHARED.resolve("corpus"));
    }

    @AfterAll
    static void close() {
        corpus.close();
    }

    @Test
    void staysQuietOnEveryChatterMessageOfTheDevSet() {
        List<String> spoke = EvalSet.read(SHARED.resolve("eval/chatter-dev.jsonl")).stream().map(EvalQuestion::question)
                .filter(m -> IncidentTriage.shouldAnswer(m, corpus.ask(m, 5))).toList();

        assertThat(spoke).isEmpty();
    }

    @Test
    void answersMostSymptomAndErrorMessagesUnasked() {
        List<EvalQuestion> reports = EvalSet.read(SHARED.resolve("eval/dev.jsonl")).stream()
                .filter(q -> q.kind().equals("symptom") || q.kind().equals("error-message")).toList();
        long answered = reports.stream().filter(q -> IncidentTriage.shouldAnswer(q.question(), corpus.ask(q.question(), 5)))
                .count();
        System.out.printf("incident triage: answered %d of %d symptom/error messages unasked%n", answered, reports.size());

        assertThat((double) answered / reports.size()).isGreaterThanOrEqualTo(0.80); // measured 58/72 = 0.806
    }

    @Test
    void neverSpeaksUnaskedOnQuestionsNoRunbookAnswers() {
        List<String> spoke = EvalSet.read(SHARED.resolve("eval/dev.jsonl")).stream()
                .filter(q -> q.kind().equals(EvalQuestion.NO_ANSWER)).map(EvalQuestion::question)
                .filter(m -> IncidentTriage.shouldAnswer(m, corpus.ask(m, 5))).toList();

        assertThat(spoke).isEmpty();
    }

    @Test
    void treatsShortSocialMessagesAsChatter() {
        assertThat(List.of("who's on call?", "lunch?", "+1", "can someone page the DBA?", "rolling back now"))
                .noneMatch(IncidentTriage::readsLikeSymptom);
        assertThat(IncidentTriage.readsLikeSymptom("api returns 502 after the deploy")).isTrue();
        assertThat(IncidentTriage.readsLikeSymptom("KubePodCrashLooping firing in prod")).isTrue();
    }

    @Test
    void hostileLongWordsAreCheckedInLinearTimeWithoutOverflowingTheStack() {
        long start = System.nanoTime();
        for (String word : List.of("a".repeat(200_000), "Ab1".repeat(70_000), "a_".repeat(100_000))) {
            assertThat(IncidentTriage.namesTrouble(word + " and then some")).isFalse();
        }
        assertThat(IncidentTriage.namesTrouble("Aa".repeat(100_000) + " and then some")).as("a CamelCase name").isTrue();
        assertThat(IncidentTriage.namesTrouble("Aa".repeat(100_000) + "Exception")).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000); // was 8 s for 40,000 letters
    }

    @Test
    void looksOnlyAtTheStartOfAVeryLongMessage() {
        String longChatter = "we are just chatting here about lunch ".repeat(200);

        assertThat(IncidentTriage.readsLikeSymptom(longChatter + "FATAL error connection refused")).isFalse();
        assertThat(IncidentTriage.readsLikeSymptom("FATAL error connection refused " + longChatter)).isTrue();
    }
}
