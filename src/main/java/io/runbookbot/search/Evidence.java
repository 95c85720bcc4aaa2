package io.runbookbot.search;

/**
 * What the best answer to a question rests on: the figures the confidence is calibrated from
 * ({@link Calibration}). Each is cheap to read from the index and means the same in a folder of
 * five runbooks as in one of eight hundred.
 *
 * @param runbookCoverage share of the question's weighted terms its runbook contains (terms
 *                        weighted by how rare they are across runbooks, IDF)
 * @param sectionCoverage the same share for the shown section itself (title, headings, text)
 * @param margin          how far the best score leads the next distinct candidate's, in [0, 1]
 * @param terms           the question's terms that runbooks contain (after typo correction)
 * @param foreignWords    question words that no runbook contains and that are not ordinary
 *                        English: names of things the runbooks may not cover ("ClickHouse")
 * @param specificity     how distinctive the words are that the runbook shares with the question: the
 *                        IDF of the rarest question term the runbook contains over the IDF of the
 *                        question's rarest known term (foreign words have their own rule), in [0, 1]. Low when the
 *                        runbook matches only common words and lacks what sets the question apart
 *                        ("IIS app pool keeps stopping" answered from a database pool runbook
 *                        that never says IIS)
 */
record Evidence(
        double runbookCoverage,
        double sectionCoverage,
        double margin,
        int terms,
        int foreignWords,
        double specificity) {
    static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0);
}
