package io.runbookbot.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatLabelsTest {
    @Test
    void dropsTheHandlesAMessageAddresses() {
        assertThat(ChatLabels.strip("@oncall redis OOM again, @sre-team.eu can someone look"))
                .isEqualTo("  redis OOM again,   can someone look");
    }

    @Test
    void dropsPriorityAndSeverityLabels() {
        assertThat(ChatLabels.strip("P1: checkout returns 502 [SEV-2] sev1"))
                .isEqualTo(" : checkout returns 502 [ ]  ");
    }

    @Test
    void keepsAnAtInsideAWordAndLongerTokens() {
        assertThat(ChatLabels.strip("mail to dba@example.com bounced")).isEqualTo("mail to dba@example.com bounced");
        assertThat(ChatLabels.strip("compaction failed for group 0@{env=\"gprd\"}"))
                .isEqualTo("compaction failed for group 0@{env=\"gprd\"}");
        assertThat(ChatLabels.strip("p99 latency on p4d nodes, sev10 p1-worker"))
                .isEqualTo("p99 latency on p4d nodes, sev10 p1-worker");
    }

    @Test
    void dropsTheWordsAMessageOpensWith() {
        assertThat(ChatLabels.strip("ok so the pods are crashlooping")).isEqualTo("the pods are crashlooping");
        assertThat(ChatLabels.strip("Hey team, quick q: redis OOM again")).isEqualTo("redis OOM again");
        assertThat(ChatLabels.strip("hi all: hmm... disk full on db-3")).isEqualTo("disk full on db-3");
    }

    @Test
    void keepsOpeningWordsInsideTheMessageAndWordsThatOnlyStartLikeThem() {
        assertThat(ChatLabels.strip("handshake ok but no traffic passes"))
                .isEqualTo("handshake ok but no traffic passes");
        assertThat(ChatLabels.strip("okta login fails")).isEqualTo("okta login fails");
        assertThat(ChatLabels.strip("well-known endpoint returns 404")).isEqualTo("well-known endpoint returns 404");
        assertThat(ChatLabels.strip("ok")).isEqualTo("ok");
    }

    @Test
    void aLongRunOfOpenersIsReadInLinearTime() {
        String hostile = "ok, ".repeat(50_000) + "hm".repeat(50_000);
        long start = System.nanoTime();
        assertThat(ChatLabels.strip(hostile)).isEqualTo("hm".repeat(50_000));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aLongRunOfAtSignsIsReadInLinearTime() {
        String hostile = "@".repeat(200_000) + "x";
        long start = System.nanoTime();
        ChatLabels.strip(hostile);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
