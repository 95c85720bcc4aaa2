package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.analysis.RunbookAnalyzers;
import io.runbookbot.search.index.RunbookIndex;
import io.runbookbot.search.index.RunbookIndexer;
import io.runbookbot.search.markdown.RunbookParser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The abstention rule on evidence figures, and the specificity figure read from a real index. */
class CalibrationTest {
    /** A runbook covering half the question but sharing only its common words. */
    private static final Evidence GENERIC_MATCH = new Evidence(0.5, 0.5, 0.1, 8, 0, 0.4);

    @Test
    void specificityRuleIsOffByDefaultSoAMatchOnCommonWordsIsShownNotRefused() {
        assertThat(Calibration.DEFAULT.minSpecificity()).isZero();
        assertThat(Calibration.DEFAULT.abstains(GENERIC_MATCH)).isFalse();
    }

    @Test
    void specificityRuleWhenOnRefusesAMatchOnCommonWordsAndKeepsOneOnTheQuestionsRarestWord() {
        Calibration d = Calibration.DEFAULT;
        Calibration on = ConfidenceTuner.withThresholds(
                d, d.high(), d.medium(), d.minCoverage(), d.minCoverageWithForeign(), 0.45);

        assertThat(on.abstains(GENERIC_MATCH)).isTrue();
        assertThat(on.abstains(new Evidence(0.5, 0.5, 0.1, 8, 0, 1.0))).isFalse();
    }

    @Test
    void coverageRulesStillDecideWhenSpecificityIsFull() {
        assertThat(Calibration.DEFAULT.abstains(new Evidence(0.04, 0.04, 0.1, 8, 0, 1.0)))
                .isTrue();
        assertThat(Calibration.DEFAULT.abstains(new Evidence(0.25, 0.25, 0.1, 8, 1, 1.0)))
                .isTrue();
        assertThat(Calibration.DEFAULT.abstains(new Evidence(0.35, 0.35, 0.1, 8, 1, 1.0)))
                .isFalse();
    }

    @Test
    void specificityIsLowWhenTheRunbookSharesOnlyCommonWordsAndLacksTheNameAnotherRunbookHas() throws IOException {
        RunbookParser parser = new RunbookParser();
        try (RunbookIndex index = RunbookIndexer.build(List.of(
                parser.parse("pool.md", "# Connection Pool\n\n## Saturation\n\nThe app stops when the pool is full.\n"),
                parser.parse("disk.md", "# Disk Full\n\n## Free space\n\nThe app stops when the disk is full.\n"),
                parser.parse("cache.md", "# Cache\n\n## Cold cache\n\nThe app stops when the cache is cold.\n"),
                parser.parse("web.md", "# Kestrel\n\n## Certificates\n\nKestrel serves TLS from certs/.\n")))) {
            var reader = index.runbookSearcher().getIndexReader();
            QueryTerms terms = QueryTerms.of(
                    "kestrel pool stops", RunbookAnalyzers.incidentEnglishQuery(), reader, new Vocabulary(reader));
            QueryCoverage coverage = new QueryCoverage(index);

            double onPool = coverage.of(terms, List.of(hit(index, "pool.md"))).specificity();
            double onWeb = coverage.of(terms, List.of(hit(index, "web.md"))).specificity();

            assertThat(onWeb).as("web.md holds the question's rarest word").isEqualTo(1.0);
            assertThat(onPool)
                    .as("pool.md shares 'pool' (as rare as 'kestrel'), so not low")
                    .isEqualTo(1.0);
            double onDisk = coverage.of(terms, List.of(hit(index, "disk.md"))).specificity();
            assertThat(onDisk)
                    .as("disk.md shares only 'stops', which three runbooks hold")
                    .isLessThan(0.45);
        }
    }

    private static SectionHit hit(RunbookIndex index, String file) {
        for (int doc = 0; ; doc++) {
            RunbookSection s = index.sectionAt(doc);
            if (s.file().equals(file)) {
                return new SectionHit(s, 1);
            }
        }
    }
}
