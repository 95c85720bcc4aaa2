package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * What an investigation found.
 *
 * @param symptom the symptom as asked
 * @param answer  the model's final answer (generated text)
 * @param sources the runbook sections and diagnostic outputs the investigation used, as the bot
 *                recorded them (not as the model claims)
 * @param model   the model that investigated, for the label
 */
public record Investigation(String symptom, String answer, List<String> sources, String model) {
    public Investigation {
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(answer, "answer");
        sources = List.copyOf(sources);
        Objects.requireNonNull(model, "model");
    }
}
