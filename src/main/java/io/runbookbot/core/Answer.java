package io.runbookbot.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot found for a question.
 *
 * @param question   the question as asked
 * @param answered   true when the best hit is confident enough to be shown as the answer;
 *                   false means "no runbook matches" (the hits may still hold weak candidates)
 * @param hits       candidate sections, best first
 * @param confidence the best hit's confidence in [0, 1]
 */
public record Answer(String question, boolean answered, List<SectionHit> hits, double confidence) {
    public Answer {
        Objects.requireNonNull(question, "question");
        hits = List.copyOf(hits);
    }

    /** The section to show, when the question was answered. */
    public Optional<SectionHit> best() {
        return answered && !hits.isEmpty() ? Optional.of(hits.get(0)) : Optional.empty();
    }
}
