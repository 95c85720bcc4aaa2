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
 */
record Evidence(double runbookCoverage, double sectionCoverage, double margin, int terms, int foreignWords) {
    static final Evidence NONE = new Evidence(0, 0, 0, 0, 0);
}
