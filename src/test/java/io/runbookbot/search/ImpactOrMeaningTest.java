package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookParser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "What will it break" is answered by the Impact section, "what does it mean" by the Meaning
 * section, although an alert runbook's Meaning section restates the alert's name and so matches
 * more of either question.
 */
class ImpactOrMeaningTest {
    private static final String FILESYSTEM_ALMOST_FULL = """
            # NodeFilesystemAlmostFull

            ## Meaning

            The NodeFilesystemAlmostFull alert fires when a filesystem of a node is almost
            full: less than five percent of its space is left on the node filesystem.

            ## Impact

            Writes fail once no space is left. Pods are evicted and new pods are not
            scheduled there; logs and metrics are lost.

            ## Diagnosis

            Find what fills the filesystem with `du -xh / | sort -h | tail`.

            ## Mitigation

            Delete old logs and unused images, or grow the volume.
            """;

    private static RunbookIndex index;

    @BeforeAll
    static void indexRunbook() {
        index = RunbookIndexer.build(
                List.of(new RunbookParser().parse("alerts/NodeFilesystemAlmostFull.md", FILESYSTEM_ALMOST_FULL)));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String shown(String question) {
        return new LuceneRunbookSearch(index)
                .ask(question, 5)
                .best()
                .orElseThrow()
                .section()
                .heading();
    }

    @Test
    void whatWillItBreakShowsTheImpactSection() {
        assertThat(shown("NodeFilesystemAlmostFull is firing on a node, what will it break"))
                .isEqualTo("Impact");
        assertThat(shown("how bad is NodeFilesystemAlmostFull")).isEqualTo("Impact");
        assertThat(shown("what's the impact of node filesystem almost full")).isEqualTo("Impact");
    }

    @Test
    void whatDoesItMeanShowsTheMeaningSection() {
        assertThat(shown("what does NodeFilesystemAlmostFull mean")).isEqualTo("Meaning");
    }
}
