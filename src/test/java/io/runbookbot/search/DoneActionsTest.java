package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoneActionsTest {
    @Test
    void aFixReportedAsDoneAtTheStartIsNotSearchedFor() {
        assertThat(DoneActions.strip("fixed stemedb, how do I confirm it's actually healthy again"))
                .isEqualTo("      stemedb, how do I confirm it's actually healthy again");
    }

    @Test
    void aFixAfterItsSubjectOrAnAuxiliaryIsNotSearchedFor() {
        assertThat(DoneActions.strip("we've restored the backup, what do I check now"))
                .doesNotContain("restored")
                .contains("backup");
        assertThat(DoneActions.strip("it's resolved but how do I verify")).doesNotContain("resolved");
        assertThat(DoneActions.strip("I finally repaired the index; is it healthy?"))
                .doesNotContain("repaired");
        assertThat(DoneActions.strip("restarted the pods and fixed the config, what next"))
                .doesNotContain("fixed")
                .contains("restarted");
    }

    @Test
    void whatHappenedToSomethingElseIsKept() {
        String dns = "DNS resolved to the old IP after the migration";
        String db = "the db recovered but replicas lag behind";

        assertThat(DoneActions.strip(dns)).isSameAs(dns);
        assertThat(DoneActions.strip(db)).isSameAs(db);
    }

    @Test
    void aRequestToFixIsKept() {
        String question = "how do I fix ownership of the data directory";

        assertThat(DoneActions.strip(question)).isSameAs(question);
    }
}
