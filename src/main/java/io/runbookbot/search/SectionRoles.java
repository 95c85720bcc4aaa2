package io.runbookbot.search;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a section is for, read from its heading: a heading can serve more than one role
 * ("Diagnosis and mitigation").
 *
 * <p>Runbooks describe a problem in some sections ("Meaning", "Impact", "Symptoms") and say what
 * to do in others ("Diagnosis", "Mitigation", "Resolution"), and some say whom to call
 * ("Escalation"). A question that asks for one of these ({@link QuestionIntent}) prefers the
 * sections in that role. A question that asks for none (a symptom, a pasted error) naturally
 * matches the description best, yet the engineer needs the steps, so the steps ({@link #acts})
 * get a prior boost and the description ({@link #describes}) a small discount; the description
 * stays among the candidates.
 *
 * <p>Public for the alert package, which shows an alert's most actionable section (issue 13).
 */
public enum SectionRoles {
    DIAGNOSIS(List.of(
            "diagnos",
            "troubleshoot",
            "check",
            "debug",
            "investigat",
            "verif",
            "validat",
            "triage",
            "inspect",
            "identify")),
    MITIGATION(List.of(
            "mitigat",
            "resolution",
            "resolv",
            "solution",
            "fix",
            "workaround",
            "action",
            "step",
            "remed",
            "recover",
            "procedure",
            "how to",
            "repair",
            "restor",
            "handling",
            "what to do")),
    MEANING(List.of(
            "meaning", "summary", "overview", "description", "background", "about", "introduction", "explanation")),
    IMPACT(List.of("impact", "consequence", "severity")),
    SYMPTOMS(List.of("symptom")),
    ESCALATION(List.of("escalat", "contact", "owner$", "checklist", "support", "getting help")),
    REFERENCE(List.of(
            "applicable version",
            "table of contents",
            "contents",
            "see also",
            "related",
            "references",
            "links",
            "prerequisite",
            "glossary"));

    /**
     * The roles of headings already read: each candidate's heading is read for every question, and
     * a runbook folder has a bounded number of them (past the bound, headings are read anew).
     */
    private static final int MAX_HEADINGS = 20_000;

    private static final Map<String, Set<SectionRoles>> BY_HEADING = new ConcurrentHashMap<>();

    private final List<String> stems;

    SectionRoles(List<String> stems) {
        this.stems = stems;
    }

    /**
     * Every role the heading names; empty for a heading that names none ("Port Already in Use").
     * A cue names a role wherever it occurs ("check" in "Prechecks" and "Healthcheck" too); a cue
     * ending in {@code $} only as a word of its own or its plural ("Owners", not "Fix ownership").
     */
    public static Set<SectionRoles> of(String heading) {
        Set<SectionRoles> known = BY_HEADING.get(heading);
        if (known != null) {
            return known;
        }
        Set<SectionRoles> roles = read(heading);
        if (BY_HEADING.size() < MAX_HEADINGS) {
            BY_HEADING.put(heading, roles);
        }
        return roles;
    }

    private static Set<SectionRoles> read(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        EnumSet<SectionRoles> roles = EnumSet.noneOf(SectionRoles.class);
        for (SectionRoles role : values()) {
            if (role.stems.stream().anyMatch(cue -> names(h, cue))) {
                roles.add(role);
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    private static boolean names(String heading, String cue) {
        if (!cue.endsWith("$")) {
            return heading.contains(cue);
        }
        String word = cue.substring(0, cue.length() - 1);
        for (int at = heading.indexOf(word); at >= 0; at = heading.indexOf(word, at + 1)) {
            int end = at + word.length();
            if (end < heading.length() && heading.charAt(end) == 's') {
                end++;
            }
            if ((at == 0 || !Character.isLetterOrDigit(heading.charAt(at - 1)))
                    && (end == heading.length() || !Character.isLetterOrDigit(heading.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The describing role a question names when it names one of the two only: a runbook's Impact
     * section goes before its Meaning section for "what does X break", and after it for "what
     * does X mean".
     */
    static Optional<SectionRoles> named(Set<QuestionIntent> intents) {
        boolean meaning = intents.contains(QuestionIntent.MEANING);
        boolean impact = intents.contains(QuestionIntent.IMPACT);
        return meaning == impact ? Optional.empty() : Optional.of(meaning ? MEANING : IMPACT);
    }

    /** Whether a heading names the describing role asked for and not the other ("Impact", not "Meaning and impact"). */
    static boolean namesOnly(Set<SectionRoles> roles, SectionRoles named) {
        SectionRoles other = named == MEANING ? IMPACT : MEANING;
        return roles.contains(named) && !roles.contains(other);
    }

    /** Sections that say what to do. */
    public static boolean acts(Set<SectionRoles> roles) {
        return roles.contains(DIAGNOSIS) || roles.contains(MITIGATION);
    }

    /** Sections that describe the problem or point elsewhere, and say nothing to do. */
    public static boolean describes(Set<SectionRoles> roles) {
        return !acts(roles)
                && (roles.contains(MEANING)
                        || roles.contains(IMPACT)
                        || roles.contains(SYMPTOMS)
                        || roles.contains(REFERENCE));
    }

    /**
     * Whether a section in one of {@code roles} answers a question asking for {@code intent}. What an
     * alert means and what it breaks are told together often enough that either section answers
     * both; within a runbook the one asked for comes first ({@link #named}).
     */
    static boolean answers(Set<SectionRoles> roles, QuestionIntent intent) {
        return switch (intent) {
            case MEANING, IMPACT -> roles.contains(MEANING) || roles.contains(IMPACT);
            case DIAGNOSIS -> roles.contains(DIAGNOSIS);
            case MITIGATION -> roles.contains(MITIGATION);
            case ESCALATION -> roles.contains(ESCALATION);
            case COMMAND, NONE -> false;
        };
    }
}
