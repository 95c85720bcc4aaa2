package io.runbookbot.search;

import java.util.Set;

/**
 * The prior factor a section's score is multiplied by, from its heading's roles and what the
 * question asks for. A section whose role answers the question's intent ("what does it mean" and
 * a Meaning section, "how do I fix it" and a Mitigation section) gets {@link Ranking#intent()};
 * otherwise, as for questions with no clear intent, sections that say what to do get
 * {@link Ranking#action()} and those that only describe get {@link Ranking#description()}.
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
            return ranking.action();
        }
        return SectionRoles.describes(roles) ? ranking.description() : 1.0;
    }
}
