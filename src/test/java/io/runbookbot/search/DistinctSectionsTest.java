package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidate rule on hand-made hits: no kept hit overlaps a better one already kept. */
class DistinctSectionsTest {
    /** Modelled on server-wont-start-flask.md: "Issue: Port Already in Use" at 29-56, children at 31 and 36. */
    private static final SectionHit ANSWER = hit("flask.md", "Port Already in Use", 29, 56, 9);

    private static final SectionHit CHILD = hit("flask.md", "Symptoms", 31, 35, 8);
    private static final SectionHit LAST_CHILD = hit("flask.md", "Resolution", 36, 56, 7);
    private static final SectionHit PARENT = hit("flask.md", "Common Issues", 20, 80, 6);
    private static final SectionHit STRADDLING = hit("flask.md", "Ports", 50, 60, 5);
    private static final SectionHit BEFORE = hit("flask.md", "Overview", 1, 28, 4);
    private static final SectionHit AFTER = hit("flask.md", "Debug Mode", 57, 70, 3);
    private static final SectionHit OTHER_FILE_SAME_LINES = hit("uvicorn.md", "Port Already in Use", 29, 56, 2);

    private static SectionHit hit(String file, String heading, int line, int endLine, double score) {
        return new SectionHit(
                new RunbookSection(
                        file,
                        "Runbook",
                        heading,
                        List.of("Runbook", heading),
                        2,
                        line,
                        endLine,
                        "## " + heading,
                        List.of()),
                score);
    }

    @Test
    void skipsChildrenParentsAndStraddlingSpansOfTheAnswer() {
        assertThat(DistinctSections.top(List.of(ANSWER, CHILD, LAST_CHILD, PARENT, STRADDLING), 5))
                .containsExactly(ANSWER);
    }

    @Test
    void keepsDisjointSpansOfTheSameFileIncludingTheLinesJustBeforeAndAfter() {
        assertThat(DistinctSections.top(List.of(ANSWER, BEFORE, AFTER), 5)).containsExactly(ANSWER, BEFORE, AFTER);
    }

    @Test
    void keepsTheSameLinesOfAnotherFile() {
        assertThat(DistinctSections.top(List.of(ANSWER, OTHER_FILE_SAME_LINES), 5))
                .containsExactly(ANSWER, OTHER_FILE_SAME_LINES);
    }

    @Test
    void takesTheNextNonOverlappingHitsToKeepTheSameNumberOfCandidates() {
        List<SectionHit> ranked = List.of(ANSWER, CHILD, PARENT, BEFORE, LAST_CHILD, AFTER, OTHER_FILE_SAME_LINES);

        assertThat(DistinctSections.top(ranked, 3)).containsExactly(ANSWER, BEFORE, AFTER);
    }

    @Test
    void checksEveryCandidateAgainstEveryBetterCandidateNotOnlyTheAnswer() {
        SectionHit insideBefore = hit("flask.md", "Requirements", 5, 9, 1);

        assertThat(DistinctSections.top(List.of(ANSWER, BEFORE, insideBefore, AFTER), 5))
                .containsExactly(ANSWER, BEFORE, AFTER);
    }

    @Test
    void aParentRankedFirstHidesItsChildrenAndWhatStraddlesItsEdges() {
        assertThat(DistinctSections.top(List.of(PARENT, ANSWER, CHILD, BEFORE, OTHER_FILE_SAME_LINES), 5))
                .containsExactly(PARENT, OTHER_FILE_SAME_LINES);
    }

    @Test
    void returnsFewerWhenTheRankingRunsOutAndNothingForNothing() {
        assertThat(DistinctSections.top(List.of(ANSWER, CHILD), 5)).containsExactly(ANSWER);
        assertThat(DistinctSections.top(List.of(), 5)).isEmpty();
        assertThat(DistinctSections.top(List.of(ANSWER), 0)).isEmpty();
    }
}
