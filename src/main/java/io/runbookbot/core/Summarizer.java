package io.runbookbot.core;

import java.util.Optional;

/** Port: summarizes a shown section for a question, from that section's text alone. */
public interface Summarizer {

    /**
     * Never throws for an unavailable, slow or misbehaving model: the answer is then shown without
     * a summary.
     *
     * @return empty when no trustworthy summary could be made in time
     */
    Optional<Summary> summarize(String question, RunbookSection section);
}
