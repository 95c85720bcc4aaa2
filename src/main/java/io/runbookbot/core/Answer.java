package io.runbookbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot found for a question.
 *
 * @param question   the question as asked, redacted (it is echoed back: "No runbook matches ...")
 * @param answered   true when the best hit is confident enough to be shown as the answer;
 *                   false means "no runbook matches" (the hits may still hold weak candidates)
 * @param hits       candidate sections, best first
 * @param confidence how likely the best hit is the right section; {@link Confidence#LOW} when the
 *                   question was not answered
 * @param notices    things the reader should know about how this answer was found, e.g. that
 *                   semantic search was unavailable and keyword search alone answered
 */
public record Answer(
        String question, boolean answered, List<SectionHit> hits, Confidence confidence, List<String> notices) {
    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(confidence, "confidence");
        hits = List.copyOf(hits);
        notices = List.copyOf(notices);
    }

    /** An answer with nothing to note. */
    public Answer(String question, boolean answered, List<SectionHit> hits, Confidence confidence) {
        this(question, answered, hits, confidence, List.of());
    }

    /** The same answer with one more notice. */
    public Answer withNotice(String notice) {
        List<String> all = new ArrayList<>(notices);
        all.add(notice);
        return new Answer(question, answered, hits, confidence, all);
    }

    /** The section to show, when the question was answered. */
    public Optional<SectionHit> best() {
        return answered && !hits.isEmpty() ? Optional.of(hits.get(0)) : Optional.empty();
    }
}
