package io.runbookbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a repeat of a group says under its message. */
class AlertChangesTest {
    private static AlertChanges.Now firing(String fp) {
        return new AlertChanges.Now(fp, true, "pod=" + fp);
    }

    private static AlertChanges.Now resolved(String fp) {
        return new AlertChanges.Now(fp, false, "pod=" + fp);
    }

    @Test
    void aRepeatThatChangedNothingSaysNothing() {
        assertThat(AlertChanges.line(Set.of("a", "b"), List.of(firing("a"), firing("b"))))
                .isEmpty();
    }

    @Test
    void joiningAndResolvingAlertsAreNamed() {
        assertThat(AlertChanges.line(Set.of("a", "b"), List.of(firing("a"), resolved("b"), firing("c"))))
                .contains("Now firing: pod=c. Resolved: pod=b.");
    }

    @Test
    void allResolvedSaysSoOnce() {
        assertThat(AlertChanges.line(Set.of("a", "b"), List.of(resolved("a"), resolved("b"))))
                .contains("All resolved.");
        assertThat(AlertChanges.line(Set.of(), List.of(resolved("a"), resolved("b"))))
                .isEmpty();
    }

    @Test
    void manyNewAlertsAreCountedPastTheFirstFew() {
        List<AlertChanges.Now> now = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            now.add(firing("p" + i));
        }

        assertThat(AlertChanges.line(Set.of(), now))
                .contains("12 now firing: pod=p0, pod=p1, pod=p2, pod=p3, pod=p4 and 7 more.");
    }
}
