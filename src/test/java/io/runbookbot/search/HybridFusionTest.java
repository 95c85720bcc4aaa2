package io.runbookbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.HybridFusion.Push;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridFusionTest {
    private static final RunbookSection MEANING = section("redis.md", "Meaning", 3);
    private static final RunbookSection MITIGATION = section("redis.md", "Mitigation", 20);
    private static final RunbookSection OTHER = section("disk.md", "Mitigation", 5);
    private static final RunbookSection FAR = section("dns.md", "Diagnosis", 9);

    private static RunbookSection section(String file, String heading, int line) {
        return new RunbookSection(
                file, file, heading, List.of(file, heading), 2, line, line + 5, "## " + heading, List.of());
    }

    /** Keyword: Meaning, Mitigation (redis), then disk; the vector prefers dns, then Mitigation (redis). */
    private static List<RunbookSection> fused(HybridFusion fusion) {
        List<SectionHit> keyword =
                List.of(new SectionHit(MEANING, 10), new SectionHit(MITIGATION, 9.5), new SectionHit(OTHER, 9));
        List<SectionHit> nearest = List.of(
                new SectionHit(FAR, 0.9),
                new SectionHit(MITIGATION, 0.7),
                new SectionHit(OTHER, 0.6),
                new SectionHit(MEANING, 0.5));
        return fusion.fuse(keyword, nearest, Map.of()).stream()
                .map(SectionHit::section)
                .toList();
    }

    @Test
    void withAnyRunbookTheNearestSectionOfAnUnrankedRunbookCanLead() {
        assertThat(fused(new HybridFusion(0.9, 3, 1, 0, Push.SECTION))).startsWith(FAR, MITIGATION);
    }

    @Test
    void limitedToTheFirstKeywordRunbookTheModelOnlyChoosesTheSectionWithinIt() {
        assertThat(fused(new HybridFusion(0.9, 3, 1, 1, Push.SECTION))).containsExactly(MITIGATION, MEANING, OTHER);
    }

    @Test
    void aNegativeRunbookCountIsRefused() {
        assertThatThrownBy(() -> new HybridFusion(0.9, 0.2, 2, -1, Push.SECTION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Per runbook, the vector's nearest runbook wins but keeps the keyword order of its sections,
     * and no section enters from the nearest list alone (dns is nearest but was no keyword candidate).
     */
    @Test
    void aRunbookPushChoosesTheRunbookAndKeepsTheKeywordOrderWithinIt() {
        List<SectionHit> keyword =
                List.of(new SectionHit(OTHER, 10), new SectionHit(MEANING, 9.6), new SectionHit(MITIGATION, 9.5));
        List<SectionHit> nearest = List.of(
                new SectionHit(FAR, 0.9),
                new SectionHit(MITIGATION, 0.8),
                new SectionHit(MEANING, 0.5),
                new SectionHit(OTHER, 0.2));

        List<RunbookSection> fused = new HybridFusion(0.9, 3, 1, 0, Push.RUNBOOK)
                .fuse(keyword, nearest, Map.of()).stream()
                        .map(SectionHit::section)
                        .toList();

        assertThat(fused).containsExactly(MEANING, MITIGATION, OTHER);
    }

    /** With no keyword candidate there is nothing to push: the nearest sections are the suggestions. */
    @Test
    void withoutKeywordCandidatesTheNearestSectionsComeInTheirOrder() {
        List<SectionHit> nearest = List.of(new SectionHit(FAR, 0.9), new SectionHit(OTHER, 0.2));

        for (Push push : Push.values()) {
            assertThat(new HybridFusion(0.9, 0.5, 2, 0, push).fuse(List.of(), nearest, Map.of()))
                    .containsExactlyElementsOf(nearest);
        }
    }
}
