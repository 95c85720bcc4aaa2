package io.runbookbot.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandlesTest {
    @Test
    void dropsTheHandlesAMessageAddresses() {
        assertThat(Handles.strip("@oncall redis OOM again, @sre-team.eu can someone look")
                        .strip())
                .isEqualTo("redis OOM again,   can someone look");
    }

    @Test
    void keepsAnAtInsideAWord() {
        assertThat(Handles.strip("mail to dba@example.com bounced")).isEqualTo("mail to dba@example.com bounced");
        assertThat(Handles.strip("compaction failed for group 0@{env=\"gprd\"}"))
                .isEqualTo("compaction failed for group 0@{env=\"gprd\"}");
    }

    @Test
    void aLongRunOfAtSignsIsReadInLinearTime() {
        String hostile = "@".repeat(200_000) + "x";
        long start = System.nanoTime();
        Handles.strip(hostile);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
