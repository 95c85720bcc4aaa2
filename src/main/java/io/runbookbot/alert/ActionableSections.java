package io.runbookbot.alert;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.SectionRoles;
import io.runbookbot.search.index.AnswerUnits;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookHeading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The section of a runbook to show for an alert, and its one-line meaning.
 *
 * <p>The most actionable section is the first, in the runbook's order, that says what to do
 * ({@link SectionRoles#acts}: Diagnosis, Mitigation, Resolution ..., by its own heading or, for a
 * subsection, the nearest heading above it) and holds a command; else the first that says what to
 * do; else the first section that does not merely describe; else the first. The meaning is the
 * first sentence of the first Meaning/Impact/Summary section. All text comes from the answer units
 * ({@link AnswerUnits}), so it is redacted.
 */
final class ActionableSections {
    /** The meaning line is cut to this many characters. */
    static final int MAX_MEANING = 240;

    /**
     * A section chosen and why.
     *
     * @param section the section to show
     * @param why     how it was chosen, for the log
     */
    record Choice(RunbookSection section, String why) {}

    private ActionableSections() {}

    static Optional<Choice> mostActionable(Runbook runbook) {
        List<RunbookSection> units = AnswerUnits.of(runbook);
        boolean titled = singleTitle(runbook);
        List<RunbookSection> acting =
                units.stream().filter(u -> SectionRoles.acts(roles(u, titled))).toList();
        Optional<RunbookSection> withCommand =
                acting.stream().filter(u -> !u.codeBlocks().isEmpty()).findFirst();
        if (withCommand.isPresent()) {
            return Optional.of(new Choice(withCommand.get(), "first Diagnosis/Mitigation section with a command"));
        }
        if (!acting.isEmpty()) {
            return Optional.of(new Choice(acting.get(0), "first Diagnosis/Mitigation section"));
        }
        Optional<RunbookSection> other = units.stream()
                .filter(u -> u.level() > 0 && !SectionRoles.describes(roles(u, titled)))
                .findFirst();
        if (other.isPresent()) {
            return Optional.of(new Choice(other.get(), "no Diagnosis/Mitigation section; first section that acts"));
        }
        return units.stream().findFirst().map(u -> new Choice(u, "no Diagnosis/Mitigation section; first section"));
    }

    /** The section under the heading {@code anchor} names (GitHub/Hugo heading ids), or its first subsection. */
    static Optional<Choice> atAnchor(Runbook runbook, String anchor) {
        Map<String, Integer> seen = new HashMap<>();
        for (RunbookHeading h : runbook.headings()) {
            if (h.level() == 0) {
                continue;
            }
            String slug = slug(h.text());
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            String id = n == 0 ? slug : slug + "-" + n;
            if (id.equals(anchor)) {
                return AnswerUnits.of(runbook).stream()
                        .filter(u -> u.line() >= h.line() && u.line() <= h.endLine())
                        .findFirst()
                        .map(u -> new Choice(u, "the heading #" + anchor + " names"));
            }
        }
        return Optional.empty();
    }

    private static boolean describesAlert(Set<SectionRoles> roles) {
        return roles.contains(SectionRoles.MEANING) || roles.contains(SectionRoles.IMPACT);
    }

    /** The first sentence of the first section that says what the alert means or what it does to users. */
    static Optional<String> meaning(Runbook runbook) {
        boolean titled = singleTitle(runbook);
        return AnswerUnits.of(runbook).stream()
                .filter(u -> u.level() > 0 && describesAlert(roles(u, titled)))
                .map(u -> MeaningLine.of(u.text()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * GitHub's (and Hugo's default) heading id: lower case; letters, digits, {@code -} and
     * {@code _} kept, spaces become {@code -}, everything else goes.
     */
    static String slug(String heading) {
        StringBuilder b = new StringBuilder(heading.length());
        heading.strip().toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    /**
     * What a section is for: its heading's roles, else those of the nearest heading above it that
     * has one, not counting the runbook's title (an alert named "...HealthCheckFailed" is no
     * Diagnosis section).
     */
    private static Set<SectionRoles> roles(RunbookSection unit, boolean titled) {
        List<String> path = unit.path().isEmpty() ? List.of(unit.heading()) : unit.path();
        int top = titled && path.size() > 1 ? 1 : 0;
        if (titled && path.size() == 1) {
            return Set.of(); // the title itself
        }
        for (int i = path.size() - 1; i >= top; i--) {
            Set<SectionRoles> roles = SectionRoles.of(path.get(i));
            if (!roles.isEmpty()) {
                return roles;
            }
        }
        return Set.of();
    }

    /** True when the runbook has one top heading above all others: its title, not a section. */
    private static boolean singleTitle(Runbook runbook) {
        return runbook.headings().stream()
                        .filter(h -> h.level() > 0 && h.path().size() == 1)
                        .count()
                == 1;
    }
}
