package io.runbookbot.search;

import io.runbookbot.core.SectionHit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for which candidates a question gets: walking the ranking best first, a hit is kept
 * only when it overlaps no hit kept before it ({@link io.runbookbot.core.RunbookSection#overlaps}:
 * same file, intersecting lines, so no parent, child or shared lines of a section already listed).
 * The answer is always the best hit; the candidates after it, "next match" and the
 * {@code search --jsonl} matches are then never the answer again in other words.
 */
final class DistinctSections {
    private DistinctSections() {}

    /** The first {@code n} hits of {@code ranked} (best first) that overlap no better hit kept. */
    static List<SectionHit> top(List<SectionHit> ranked, int n) {
        List<SectionHit> kept = new ArrayList<>(Math.min(n, ranked.size()));
        for (SectionHit hit : ranked) {
            if (kept.size() >= n) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.section().overlaps(hit.section()))) {
                kept.add(hit);
            }
        }
        return kept;
    }
}
