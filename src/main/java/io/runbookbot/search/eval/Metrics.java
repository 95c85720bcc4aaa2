package io.runbookbot.search.eval;

/**
 * Retrieval figures over a group of questions.
 *
 * @param answerable   questions that have an expected section
 * @param hit1         share of answerable questions whose first result is a hit
 * @param hit3         share with a hit among the first three
 * @param mrr5         mean reciprocal rank of the first hit within the first five
 * @param answeredRate share of answerable questions the bot answered (did not abstain on)
 * @param noAnswer     questions with no expected section
 * @param abstainRate  share of those the bot abstained on
 */
public record Metrics(int answerable, double hit1, double hit3, double mrr5, double answeredRate,
                      int noAnswer, double abstainRate) {

    /** Accumulates per-question outcomes into {@link Metrics}. */
    static final class Builder {
        private int answerable;
        private int hit1;
        private int hit3;
        private double reciprocalRanks;
        private int answered;
        private int noAnswer;
        private int abstained;

        /** @param rank 1-based rank of the first hit within five, or 0 when none */
        void answerable(int rank, boolean wasAnswered) {
            answerable++;
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
            answered += wasAnswered ? 1 : 0;
        }

        void noAnswer(boolean wasAnswered) {
            noAnswer++;
            abstained += wasAnswered ? 0 : 1;
        }

        Metrics build() {
            return new Metrics(answerable, share(hit1, answerable), share(hit3, answerable),
                    answerable == 0 ? 0 : reciprocalRanks / answerable, share(answered, answerable),
                    noAnswer, share(abstained, noAnswer));
        }

        private static double share(int n, int of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }
}
