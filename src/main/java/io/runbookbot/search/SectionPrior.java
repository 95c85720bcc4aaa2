package io.runbookbot.search;

import java.util.Set;

/**
 * The prior factor a section's score is multiplied by, from its heading's roles and what the
 * question asks for. A section whose role answers the question's intent ("what does it mean" and
 * a Meaning section, "how do I fix it" and a Mitigation section) gets {@link Ranking#intent()};
 * otherwise sections that say what to do get {@link Ranking#action()} and those that only describe
 * get {@link Ranking#description()}. For a question that asks for nothing in words (a symptom, an
 * alert name, an error line) a section that only says how to fix gets {@link Ranking#fix()} and
 * one that only says how to check gets {@link Ranking#check()}: the engineer needs the fix first.
 */
record SectionPrior(Set<QuestionIntent> intents, Ranking ranking) {
    SectionPrior {
        intents = Set.copyOf(intents);
    }

    static SectionPrior of(String question, Ranking ranking) {
        return new SectionPrior(QuestionIntent.of(question), ranking);
    }

    double of(String heading) {
        Set<SectionRoles> roles = SectionRoles.of(heading);
        if (ranking.intent() > 0 && intents.stream().anyMatch(i -> SectionRoles.answers(roles, i))) {
            return ranking.intent();
        }
        if (SectionRoles.acts(roles)) {
            return intents.contains(QuestionIntent.NONE) ? unasked(roles) : ranking.action();
        }
        return SectionRoles.describes(roles) ? ranking.description() : 1.0;
    }

    /** The prior of a section that says what to do, for a question that asks for nothing in words. */
    private double unasked(Set<SectionRoles> roles) {
        boolean checks = roles.contains(SectionRoles.DIAGNOSIS);
        boolean fixes = roles.contains(SectionRoles.MITIGATION);
        return checks == fixes ? ranking.action() : fixes ? ranking.fix() : ranking.check();
    }
}
