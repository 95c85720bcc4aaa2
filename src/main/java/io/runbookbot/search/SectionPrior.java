package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prior factor a section's score is multiplied by, from its heading's roles and what the
 * question asks for. A section whose role answers the question's intent ("what does it mean" and
 * a Meaning section, "how do I fix it" and a Mitigation section) gets {@link Ranking#intent()};
 * otherwise sections that say what to do get {@link Ranking#action()} and those that only describe
 * get {@link Ranking#description()}. For a question that asks for nothing in words (a symptom, an
 * alert name, an error line) a section that only says how to fix gets {@link Ranking#fix()} and
 * one that only says how to check gets {@link Ranking#check()}: the engineer needs the fix first.
 *
 * <p>Two readings of the heading are refined by what is under it or how it is worded. A section
 * that says what to do in fewer than {@link SmallestAnswer#MIN_TEXT_LINES} lines ("Set multiple
 * Alertmanager instances.") holds no steps to prefer it for, whatever its heading promises: within
 * its runbook it is ranked as if it had {@link Ranking#thin()} instead of the fix or check prior
 * ({@link RunbookSectionOrder}). A numbered step ("2. Evaluate impact",
 * "Step 3: Assess the impact") is something to do even when its heading names a describing role:
 * it gets {@link Ranking#step()} instead of the description discount.
 */
record SectionPrior(Set<QuestionIntent> intents, Ranking ranking) {
    /** "2. ", "10) ", "Step 3", at the start of a heading (headings are one bounded line). */
    private static final Pattern STEP =
            Pattern.compile("\\s*+(?:\\d{1,3}[.)]\\s|step\\s*+\\d)", Pattern.CASE_INSENSITIVE);

    SectionPrior {
        intents = Set.copyOf(intents);
    }

    static SectionPrior of(String question, Ranking ranking) {
        return new SectionPrior(QuestionIntent.of(question), ranking);
    }

    /**
     * The candidates scored: {@code fused[i]} (BM25 fused with the runbook's relevance) times the
     * prior of {@code units.get(i)}, in the same order; then the sections of each runbook are
     * reordered ({@link RunbookSectionOrder}): the Meaning or Impact section the question names
     * first, a title with fewer than {@link SmallestAnswer#MIN_TEXT_LINES} lines of text under it
     * ("# Node Reboots" and a line of search tags) last, and thin sections as {@link Ranking#thin()}
     * says.
     */
    List<SectionHit> score(List<RunbookSection> units, double[] fused) {
        Optional<SectionRoles> named = ranking.intent() > 0 ? SectionRoles.named(intents) : Optional.empty();
        List<SectionHit> hits = new ArrayList<>(units.size());
        double[] thinAware = new double[units.size()];
        boolean[] first = new boolean[units.size()];
        boolean[] last = new boolean[units.size()];
        for (int i = 0; i < units.size(); i++) {
            RunbookSection unit = units.get(i);
            Set<SectionRoles> roles = SectionRoles.of(unit.heading());
            Prior prior = prior(unit.heading(), roles);
            hits.add(new SectionHit(unit, fused[i] * prior.value()));
            boolean thin = ranking.thin() > 0 && prior.unasked() && !SmallestAnswer.standsAlone(unit);
            thinAware[i] = fused[i] * (thin ? ranking.thin() : prior.value());
            first[i] = named.isPresent() && SectionRoles.namesOnly(roles, named.get());
            last[i] = unit.level() == 1 && !SmallestAnswer.standsAlone(unit); // "# Node Reboots" and a line
        }
        return RunbookSectionOrder.reorder(hits, first, last, thinAware);
    }

    /** The prior of a section, by its heading's roles and the question's intents. */
    double of(RunbookSection section) {
        return prior(section.heading(), SectionRoles.of(section.heading())).value();
    }

    /** A prior, and whether it is the fix or check prior of a question that asks for nothing in words. */
    private record Prior(double value, boolean unasked) {}

    private Prior prior(String heading, Set<SectionRoles> roles) {
        if (ranking.intent() > 0 && intents.stream().anyMatch(i -> SectionRoles.answers(roles, i))) {
            return new Prior(ranking.intent(), false);
        }
        if (SectionRoles.acts(roles)) {
            return intents.contains(QuestionIntent.NONE)
                    ? new Prior(unasked(roles), true)
                    : new Prior(ranking.action(), false);
        }
        if (SectionRoles.describes(roles)) {
            boolean step = ranking.step() > 0 && STEP.matcher(heading).lookingAt();
            return new Prior(step ? ranking.step() : ranking.description(), false);
        }
        return new Prior(1.0, false);
    }

    /** The prior of a section that says what to do, for a question that asks for nothing in words. */
    private double unasked(Set<SectionRoles> roles) {
        boolean checks = roles.contains(SectionRoles.DIAGNOSIS);
        boolean fixes = roles.contains(SectionRoles.MITIGATION);
        return checks == fixes ? ranking.action() : fixes ? ranking.fix() : ranking.check();
    }
}
