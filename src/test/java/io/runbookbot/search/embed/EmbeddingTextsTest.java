package io.runbookbot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingTextsTest {
    private static RunbookSection section(String body) {
        return new RunbookSection(
                "db.md",
                "Database",
                "Replication lag",
                List.of("Database", "Replication lag"),
                2,
                10,
                30,
                "## Replication lag\n" + body,
                List.of());
    }

    @Test
    void shortSectionIsOneWindowOfHeadingPathAndText() {
        RunbookSection s = section("Check pg_stat_replication on the primary.");

        assertThat(EmbeddingTexts.sectionWindows("all-minilm", s))
                .containsExactly("Database > Replication lag\nCheck pg_stat_replication on the primary.")
                .containsExactly(EmbeddingTexts.section("all-minilm", s));
    }

    @Test
    void longSectionIsEmbeddedAsUpToThreeWindowsEachWithTheHeadingPathAndTheNextStretchOfText() {
        String body = "a".repeat(250) + "b".repeat(250) + "c".repeat(250) + "d".repeat(1000);

        List<String> windows = EmbeddingTexts.sectionWindows("all-minilm", section(body));

        assertThat(windows)
                .hasSize(EmbeddingTexts.MAX_WINDOWS)
                .allSatisfy(w ->
                        assertThat(w).startsWith("Database > Replication lag\n").hasSizeLessThanOrEqualTo(300));
        String heading = "Database > Replication lag\n";
        int step = 300 - heading.length();
        assertThat(windows.get(0)).isEqualTo(heading + body.substring(0, step));
        assertThat(windows.get(1)).isEqualTo(heading + body.substring(step, 2 * step));
        assertThat(windows.get(2)).isEqualTo(heading + body.substring(2 * step, 3 * step));
    }

    @Test
    void everyWindowOfNomicCarriesTheDocumentPrefix() {
        List<String> windows = EmbeddingTexts.sectionWindows("nomic-embed-text", section("x".repeat(600)));

        assertThat(windows).hasSize(3).allSatisfy(w -> assertThat(w).startsWith("search_document: Database > "));
    }
}
