package io.runbookbot.core;

/** Port: finds the runbook sections that answer a question. */
public interface RunbookSearch {

    /**
     * Ranks the sections for a question.
     *
     * @param question what the on-call engineer typed
     * @param topN     how many candidates to return at most
     * @return the candidates best first, no two of which overlap ({@link RunbookSection#overlaps}):
     *         a parent, child or overlapping span of a better candidate is skipped for the next one
     */
    Answer ask(String question, int topN);
}
