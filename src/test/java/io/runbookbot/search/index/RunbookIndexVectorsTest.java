package io.runbookbot.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.markdown.LoadResult;
import io.runbookbot.search.markdown.RunbookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A section is as near to a question as the nearest of its windows. */
class RunbookIndexVectorsTest {
    private static float[] axis(int i) {
        float[] v = new float[4];
        v[i] = 1;
        return v;
    }

    private static RunbookIndex index(Path dir) throws IOException {
        Files.writeString(dir.resolve("db.md"), "# Database\n\n## Lag\nlong text\n\n## Disk\nshort text\n");
        LoadResult loaded = new RunbookLoader().load(dir);
        List<RunbookSection> units = RunbookIndexer.units(loaded.runbooks());
        List<List<float[]>> vectors = units.stream()
                .map(u -> u.heading().equals("Lag") ? List.of(axis(0), axis(1)) : List.of(axis(2)))
                .toList();
        return RunbookIndexer.build(loaded.runbooks(), units, vectors);
    }

    @Test
    void sectionMatchedOnlyByItsSecondWindowIsNearestWithThatWindowsSimilarity(@TempDir Path dir) throws IOException {
        try (RunbookIndex index = index(dir)) {
            List<SectionHit> nearest = index.nearest(axis(1), 10);

            assertThat(nearest.get(0).section().heading()).isEqualTo("Lag");
            assertThat(nearest.get(0).score()).isEqualTo(1.0);
            assertThat(nearest).extracting(h -> h.section().heading()).doesNotHaveDuplicates();
            assertThat(index.similarities(index.units(), axis(1)))
                    .hasEntrySatisfying(
                            index.units().stream()
                                    .filter(u -> u.heading().equals("Lag"))
                                    .findFirst()
                                    .orElseThrow(),
                            s -> assertThat(s).isEqualTo(1.0f));
        }
    }

    @Test
    void keywordOnlyIndexHasNoVectorsAndNoNeighbours(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("db.md"), "# Database\n\n## Lag\ntext\n");
        try (RunbookIndex index =
                RunbookIndexer.build(new RunbookLoader().load(dir).runbooks())) {
            assertThat(index.vectorDimension()).isZero();
            assertThat(index.nearest(axis(0), 10)).isEmpty();
        }
    }
}
