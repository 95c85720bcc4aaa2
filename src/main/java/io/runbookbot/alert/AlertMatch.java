package io.runbookbot.alert;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.redact.Redactor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runbook section an alert brings, how it was found and why.
 *
 * @param method  the step that matched ({@link Method#NONE}: no runbook covers the alert)
 * @param section the section to show: the most actionable one, or the one the URL's anchor names
 * @param meaning the runbook's Meaning/Impact in one line, to show above the section
 * @param steps   each step tried, in order, with why it matched or not (redacted; for the log)
 */
public record AlertMatch(
        Method method, Optional<RunbookSection> section, Optional<String> meaning, List<String> steps) {

    /** How the runbook was found, in the order the steps are tried. */
    public enum Method {
        /** The {@code runbook_url} annotation, through a configured prefix or by path suffix. */
        RUNBOOK_URL,
        /** The alert name is the runbook's file stem, title or first heading. */
        NAME,
        /** Search over the alert's name, summary and description answered confidently. */
        SEARCH,
        /** Nothing matched; the alert is posted without a runbook (never a guess). */
        NONE
    }

    public AlertMatch {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(meaning, "meaning");
        steps = steps.stream().map(Redactor::redact).toList();
        if ((method == Method.NONE) != section.isEmpty()) {
            throw new IllegalArgumentException("a section exactly when something matched");
        }
    }

    static AlertMatch none(List<String> steps) {
        return new AlertMatch(Method.NONE, Optional.empty(), Optional.empty(), steps);
    }

    public boolean matched() {
        return method != Method.NONE;
    }

    /** The runbook file the section is from, relative to the runbooks folder. */
    public Optional<String> file() {
        return section.map(RunbookSection::file);
    }

    /** The steps on one line, for the log. */
    public String why() {
        return String.join(" | ", steps);
    }
}
