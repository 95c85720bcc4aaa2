package io.runbookbot.core;

/** Port: finds the runbook sections that answer a question. */
public interface RunbookSearch {

    /**
     * Ranks the sections for a question.
     *
     * @param question what the on-call engineer typed
     * @param topN     how many candidates to return at most
     */
    Answer ask(String question, int topN);
}
