package io.runbookbot.app;

import io.runbookbot.core.Answer;
import io.runbookbot.core.RunbookSearch;

/**
 * Counts every ranking the engine asks for (questions, "next match" and incident-channel triage
 * alike) as a question, answered or abstained, and times it: the one place metrics see searches.
 */
final class MeteredSearch implements RunbookSearch {
    private final RunbookSearch delegate;
    private final Metrics metrics;

    MeteredSearch(RunbookSearch delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Answer ask(String question, int topN) {
        long start = System.nanoTime();
        metrics.questions.increment();
        Answer answer = delegate.ask(question, topN);
        metrics.answerSeconds((System.nanoTime() - start) / 1e9);
        (answer.answered() ? metrics.answers : metrics.abstentions).increment();
        return answer;
    }
}
