package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a heading says its section is for. */
class SectionRolesTest {
    @Test
    void fixingFileOwnershipIsAStepNotAnEscalation() {
        assertThat(SectionRoles.of("Resolution A: Fix ownership")).isEqualTo(Set.of(SectionRoles.MITIGATION));
    }

    @Test
    void ownersAndContactsAreWhomToCall() {
        assertThat(SectionRoles.of("Service owners")).contains(SectionRoles.ESCALATION);
        assertThat(SectionRoles.of("Owner")).contains(SectionRoles.ESCALATION);
        assertThat(SectionRoles.of("Code owner / contact")).contains(SectionRoles.ESCALATION);
    }

    @Test
    void aCueInsideACompoundWordStillNamesItsRole() {
        assertThat(SectionRoles.of("Postchecks")).contains(SectionRoles.DIAGNOSIS);
        assertThat(SectionRoles.of("Diagnosis and mitigation"))
                .containsExactlyInAnyOrder(SectionRoles.DIAGNOSIS, SectionRoles.MITIGATION);
        assertThat(SectionRoles.of("Port Already in Use")).isEmpty();
    }
}
