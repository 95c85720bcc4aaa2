package io.runbookbot.search.eval;

import io.runbookbot.core.Confidence;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one question in an evaluation run.
 *
 * @param rankedAt 1-based rank of the first expected section among the first five results the
 *                 ranking produced, whether or not the bot showed them; 0 when none (and for
 *                 no-answer questions)
 * @param answered true when the bot answered, false when it abstained ("No runbook matches")
 * @param confidence the confidence band the bot gave its answer
 * @param top      ids ({@code file#line}) of the first three sections the ranking produced
 */
public record Outcome(
        String id,
        String kind,
        boolean answerable,
        int rankedAt,
        boolean answered,
        Confidence confidence,
        List<String> top) {
    public Outcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(confidence, "confidence");
        top = List.copyOf(top);
    }

    /** The rank the user sees: the ranked position when the bot answered, a miss (0) when it abstained. */
    public int shownAt() {
        return answered ? rankedAt : 0;
    }

    /** The expected section was ranked first, but the bot abstained and showed nothing. */
    public boolean rankedFirstButWithheld() {
        return answerable && rankedAt == 1 && !answered;
    }
}
