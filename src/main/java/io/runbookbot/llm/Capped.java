package io.runbookbot.llm;

import java.util.Optional;

/** A reply cut to a length at a line or sentence end, never inside a backticked span. */
final class Capped {
    private Capped() {}

    /** The text, or its head up to the last line or sentence end before {@code max} plus "…"; empty when blank or when the cut leaves a span open. */
    static Optional<String> of(String text, int max) {
        String t = text.strip();
        if (t.length() > max) {
            String head = t.substring(0, max);
            int end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(". ") + 1);
            t = (end > 0 ? head.substring(0, end) : head).strip() + " …";
        }
        boolean openSpan = t.chars().filter(c -> c == '`').count() % 2 != 0;
        return t.isBlank() || openSpan ? Optional.empty() : Optional.of(t);
    }
}
