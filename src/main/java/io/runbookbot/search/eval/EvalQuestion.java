package io.runbookbot.search.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation set: a question and the sections that answer it.
 *
 * @param expected empty for {@code no-answer} questions, where the right behaviour is to abstain
 */
public record EvalQuestion(String id, String question, String kind, List<Expected> expected) {
    public static final String NO_ANSWER = "no-answer";

    public EvalQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(kind, "kind");
        expected = List.copyOf(expected);
    }

    public boolean answerable() {
        return !expected.isEmpty();
    }

    /**
     * A section that answers the question.
     *
     * @param path heading chain, given only where the heading text occurs more than once
     */
    public record Expected(String file, String heading, List<String> path) {
        public Expected {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(heading, "heading");
            path = List.copyOf(path);
        }
    }
}
