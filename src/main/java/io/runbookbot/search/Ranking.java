package io.runbookbot.search;

/**
 * The weights of the ranking, in one place. {@link #DEFAULT} is what the bot uses; the values
 * were chosen on the dev question sets and are pinned by the retrieval regression test.
 *
 * @param title       weight of the runbook title and file path words
 * @param path        weight of the enclosing headings
 * @param heading     weight of the section's own heading
 * @param body        weight of the section text
 * @param runbook     weight of the whole runbook's relevance added to each of its sections
 * @param action      prior factor for sections that say what to do (Diagnosis, Mitigation ...)
 * @param description prior factor for sections that describe the problem (Meaning, Symptoms ...)
 * @param k1          BM25 term frequency saturation
 * @param b           BM25 length normalisation
 * @param candidates  how many sections are scored before fusion
 */
public record Ranking(float title, float path, float heading, float body, float runbook,
                      float action, float description,
                      float k1, float b,
                      int candidates) {

    public static final Ranking DEFAULT = new Ranking(1.0f, 0.5f, 1.0f, 1.0f, 1.5f, 1.1f, 0.7f, 1.2f, 0.75f, 100);
}
