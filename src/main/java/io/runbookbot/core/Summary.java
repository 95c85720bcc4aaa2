package io.runbookbot.core;

import java.util.Objects;

/**
 * A short model-written summary shown above a section's verbatim text, always labelled as
 * generated. It is built from that section's text only.
 *
 * @param text            the summary (or the model's statement that the section does not answer)
 * @param model           the model that wrote it, for the label
 * @param answersQuestion false when the model found that the section does not answer the question
 */
public record Summary(String text, String model, boolean answersQuestion) {
    public Summary {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
    }

    /** The label every front end shows above the summary, so nobody mistakes it for the runbook. */
    public String label() {
        return "\u2728 Generated summary (" + model + ", from this section only; check it against the text below)";
    }
}
