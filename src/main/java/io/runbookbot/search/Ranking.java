package io.runbookbot.search;

/**
 * The weights of the ranking, in one place. {@link #DEFAULT} is what the bot uses; the values
 * were chosen on the dev question sets and are pinned by the retrieval regression test
 * ({@code intent} and {@code childCover} by 5-fold cross-validation, see RankingTuner).
 *
 * @param title       weight of the runbook title and file path words
 * @param path        weight of the enclosing headings
 * @param heading     weight of the section's own heading
 * @param body        weight of the section text
 * @param runbook     weight of the whole runbook's relevance added to each of its sections
 * @param action      prior factor for sections that say what to do (Diagnosis, Mitigation ...)
 * @param check       the same for sections that only say how to check (Diagnosis, Troubleshooting,
 *                    Verification), when the question asks for nothing in words (a symptom, an
 *                    alert name, an error line)
 * @param fix         the same for sections that only say how to fix (Mitigation, Resolution,
 *                    Workaround), when the question asks for nothing in words; above {@code check}:
 *                    an engineer reporting trouble needs the fix first (chosen by 5-fold
 *                    cross-validation, see RankingTuner)
 * @param description prior factor for sections that describe the problem (Meaning, Symptoms ...)
 * @param intent      prior factor for sections whose role answers what the question asks for
 *                    ({@link QuestionIntent}: a Meaning section for "what does X mean", a
 *                    Mitigation section for "how do I fix it"); replaces the two above; within a
 *                    runbook, the Impact or the Meaning section a question names comes first
 *                    ({@link RunbookSectionOrder}); 0 turns both off
 * @param childCover  a subsection replaces its container in the ranking when it holds this share of
 *                    the question's word weight that the container holds ({@link SmallestAnswer});
 *                    0 turns this off
 * @param coverage    exponent of the share of the question's rare words the section's runbook holds
 *                    ({@link RunbookShares}), by which each section's score is multiplied; 0 turns
 *                    this off
 * @param leadName    factor for the sections of a runbook that never mentions the name a question
 *                    starts with ({@link LeadName}: "uvicorn won't start ..."), when another
 *                    candidate runbook does; 1 turns this off
 * @param thin        prior factor, replacing {@code check} and {@code fix}, for a section that says
 *                    what to do in fewer than {@link SmallestAnswer#MIN_TEXT_LINES} lines of text
 *                    ({@link SectionPrior}); 0 turns this off
 * @param step        prior factor, replacing {@code description}, for a numbered step ("2. Evaluate
 *                    impact", "Step 3: ...") whose heading names a describing role; 0 turns this off
 * @param done        1: a fixing verb the question says is done ("fixed X, how do I confirm ...")
 *                    is not searched for ({@link DoneActions}); 0 turns this off
 * @param k1          BM25 term frequency saturation
 * @param b           BM25 length normalisation
 * @param candidates  how many sections are scored before fusion
 */
public record Ranking(
        float title,
        float path,
        float heading,
        float body,
        float runbook,
        float action,
        float check,
        float fix,
        float description,
        float intent,
        float childCover,
        float coverage,
        float leadName,
        float thin,
        float step,
        float done,
        float k1,
        float b,
        int candidates) {

    public static final Ranking DEFAULT = new Ranking(
            1.0f, 0.5f, 1.0f, 1.0f, 1.5f, 1.1f, 1.05f, 1.15f, 0.7f, 1.3f, 1.0f, 0.5f, 0.5f, 1.1f, 1.0f, 1f, 1.2f, 0.75f,
            100);
}
