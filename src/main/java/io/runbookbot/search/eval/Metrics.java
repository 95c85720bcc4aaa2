package io.runbookbot.search.eval;

import java.util.Collection;

/**
 * Retrieval figures over a group of questions, scored on what the user sees: a question the bot
 * abstained on is a miss at every k, whatever the ranking put first.
 *
 * @param answerable   questions that have an expected section
 * @param hit1         share of answerable questions answered with an expected section first
 * @param hit3         share answered with an expected section among the first three
 * @param mrr5         mean reciprocal rank of the first expected section within the first five,
 *                     0 for a question the bot abstained on
 * @param answeredRate share of answerable questions the bot answered (did not abstain on)
 * @param withheld     answerable questions whose expected section was ranked first but that the
 *                     bot abstained on (abstention errors; each is a hit@1 miss)
 * @param noAnswer     questions with no expected section
 * @param abstainRate  share of those the bot abstained on
 */
public record Metrics(
        int answerable,
        double hit1,
        double hit3,
        double mrr5,
        double answeredRate,
        int withheld,
        int noAnswer,
        double abstainRate) {

    /** Figures over any group of outcomes, such as one fold of a question set. */
    public static Metrics of(Collection<Outcome> outcomes) {
        Builder b = new Builder();
        outcomes.forEach(b::add);
        return b.build();
    }

    /** Accumulates per-question outcomes into {@link Metrics}. */
    static final class Builder {
        private int answerable;
        private int hit1;
        private int hit3;
        private double reciprocalRanks;
        private int answered;
        private int withheld;
        private int noAnswer;
        private int abstained;

        void add(Outcome o) {
            if (!o.answerable()) {
                noAnswer++;
                abstained += o.answered() ? 0 : 1;
                return;
            }
            int rank = o.shownAt();
            answerable++;
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
            answered += o.answered() ? 1 : 0;
            withheld += o.rankedFirstButWithheld() ? 1 : 0;
        }

        Metrics build() {
            return new Metrics(
                    answerable,
                    share(hit1, answerable),
                    share(hit3, answerable),
                    answerable == 0 ? 0 : reciprocalRanks / answerable,
                    share(answered, answerable),
                    withheld,
                    noAnswer,
                    share(abstained, noAnswer));
        }

        private static double share(int n, int of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }
}
