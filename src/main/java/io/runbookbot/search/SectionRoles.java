package io.runbookbot.search;

import java.util.List;
import java.util.Locale;

/**
 * What a section is for, read from its heading, and how much that matters to someone on call.
 *
 * <p>Runbooks describe a problem in some sections ("Meaning", "Symptoms", "Impact") and say what
 * to do in others ("Diagnosis", "Mitigation", "Resolution"). A symptom question naturally
 * matches the description best, yet the engineer needs the steps, so the steps get a prior
 * boost and the description a small discount; the description stays among the candidates.
 */
enum SectionRoles {
    ACTION(List.of("diagnos", "mitigat", "resolution", "resolv", "solution", "fix", "workaround",
            "troubleshoot", "check", "action", "step", "remed", "recover", "debug", "investigat",
            "procedure", "how to", "repair", "restor", "handling", "what to do")),
    DESCRIPTION(List.of("meaning", "symptom", "impact", "summary", "overview", "description", "background",
            "applicable version", "introduction", "about", "table of contents", "contents", "see also",
            "related", "references", "links", "prerequisite", "glossary", "contact", "owner")),
    OTHER(List.of());

    private final List<String> stems;

    SectionRoles(List<String> stems) {
        this.stems = stems;
    }

    static SectionRoles of(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        for (SectionRoles role : List.of(ACTION, DESCRIPTION)) {
            if (role.stems.stream().anyMatch(h::contains)) {
                return role;
            }
        }
        return OTHER;
    }
}
