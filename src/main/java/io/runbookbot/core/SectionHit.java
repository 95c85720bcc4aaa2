package io.runbookbot.core;

import java.util.Objects;

/** A section returned for a question, with the ranking score that placed it. */
public record SectionHit(RunbookSection section, double score) {
    public SectionHit {
        Objects.requireNonNull(section, "section");
    }
}
