package io.runbookbot.search;

import static io.runbookbot.search.QuestionIntent.MEANING;
import static io.runbookbot.search.QuestionIntent.MITIGATION;
import static io.runbookbot.search.QuestionIntent.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionIntentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "what does KubeletDown mean|MEANING",
                "what does the KubeAPIErrorBudgetBurn alert mean|MEANING",
                "what's the impact of etcdNoLeader|IMPACT",
                "if the disk fills up what will it break|IMPACT",
                "does KubeletDown affect running pods|IMPACT",
                "KubeletDown impact?|IMPACT",
                "is CephOSDNearFull urgent|IMPACT",
                "TargetDown firing, is this expected?|MEANING",
                "how urgent is CephClusterNearFull|IMPACT",
                "why is KubeAPIDown firing|MEANING",
                "how do I check whether the replica is lagging|DIAGNOSIS",
                "how can I tell if the cert expired|DIAGNOSIS",
                "verify the backup finished|DIAGNOSIS",
                "KubeletDown - how do I fix it|MITIGATION",
                "what should we do about a full WAL volume|MITIGATION",
                "need to resolve the stuck rollout|MITIGATION",
                "which command shows the mon quorum|COMMAND",
                "promql for the 5xx rate per route|COMMAND",
                "who should I page about the database|ESCALATION",
                "when do we escalate a payment outage|ESCALATION",
                "what do I gather before opening an issue|ESCALATION",
            })
    void recognisesWhatTheQuestionAsksFor(String question, QuestionIntent intent) {
        assertThat(QuestionIntent.of(question)).containsExactly(intent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "OSError: [Errno 98] Address already in use",
                "redis OOM again",
                "pods stuck in CrashLoopBackOff after the deploy",
                "2026-11-28 03:12:01 DEBUG health check failed: connection refused",
                "ERROR failed to resolve host db.internal",
                "node disk almost full, writes slow",
                "mean latency of the API doubled since noon",
                "URGENT: checkout returns 502 since the deploy",
                "customer impact: checkout down, pods crash looping",
                "checkout pods crash looping since the deploy, can someone look",
                "could anyone check the payments queue, it keeps growing",
            })
    void symptomsAndErrorLinesAskForNothingInWords(String question) {
        assertThat(QuestionIntent.of(question)).containsExactly(NONE);
    }

    @Test
    void aQuestionCanAskForTwoThings() {
        assertThat(QuestionIntent.of("what does etcdHighFsyncDurations mean and how do I fix it"))
                .containsExactlyInAnyOrder(MEANING, MITIGATION);
    }

    @Test
    void contractionsAndCurlyApostrophesAreRead() {
        assertThat(QuestionIntent.of("what\u2019s this alert about")).containsExactly(MEANING);
        assertThat(QuestionIntent.words("what's it")).containsExactly("what", "is", "it");
    }

    @Test
    void readsOnlyTheStartOfAHugePasteInLinearTime() {
        String paste = "how do I fix this\n" + "at com.example.Foo.bar(Foo.java:12) how how how * ".repeat(200_000);
        long start = System.nanoTime();

        assertThat(QuestionIntent.of(paste)).containsExactly(MITIGATION);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(QuestionIntent.words(paste).size()).isLessThanOrEqualTo(QuestionIntent.MAX_CHARS);
    }

    @Test
    void cueWordsInsideOtherWordsDoNotCount() {
        assertThat(QuestionIntent.of("checkout service returns 502")).containsExactly(NONE);
        assertThat(QuestionIntent.of("fixtures fail to load in CI")).containsExactly(NONE);
        assertThat(QuestionIntent.of("commander pod restarts")).containsExactly(NONE);
    }
}
