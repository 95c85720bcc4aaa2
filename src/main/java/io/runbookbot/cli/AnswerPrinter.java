package io.runbookbot.cli;

import io.runbookbot.core.Answer;
import io.runbookbot.core.DiagnosticSuggestion;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.core.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Renders an {@link Answer} for a terminal: the section verbatim, then the other candidates. */
final class AnswerPrinter {
    private static final String RULE = "-".repeat(72);

    private AnswerPrinter() {}

    static void print(Answer answer, PrintWriter out) {
        print(answer, List.of(), out);
    }

    static void print(Answer answer, List<DiagnosticSuggestion> suggestions, PrintWriter out) {
        print(answer, suggestions, Optional.empty(), out);
    }

    /** With a generated summary, labelled, between the location line and the verbatim section. */
    static void print(
            Answer answer, List<DiagnosticSuggestion> suggestions, Optional<Summary> summary, PrintWriter out) {
        if (answer.best().isEmpty()) {
            printNoMatch(answer, out);
            return;
        }
        RunbookSection s = answer.hits().get(0).section();
        out.println(breadcrumb(s));
        out.printf("%s  (%s)%n", location(s), answer.confidence().caption());
        summary.ifPresent(sum -> printSummary(sum, out));
        out.println(RULE);
        out.println(s.text());
        out.println(RULE);
        printSuggestions(suggestions, out);
        printCandidates(
                answer.confidence().othersTitle() + ":",
                answer.hits().subList(1, answer.hits().size()),
                out);
    }

    private static void printSummary(Summary summary, PrintWriter out) {
        out.println(summary.label() + ":");
        summary.text().lines().forEach(line -> out.println("  " + line));
    }

    /** Each notice as a {@code note: ...} line (for standard error). */
    static void printNotices(List<String> notices, PrintWriter err) {
        notices.forEach(n -> err.println("note: " + n));
    }

    private static void printSuggestions(List<DiagnosticSuggestion> suggestions, PrintWriter out) {
        if (suggestions.isEmpty()) {
            return;
        }
        out.println("Diagnostics you can run (allowlisted):");
        for (DiagnosticSuggestion s : suggestions) {
            out.printf(
                    "  %-48s # line %d: %s%n",
                    s.command(), s.sourceLineNumber(), s.sourceLine().strip());
        }
    }

    private static void printNoMatch(Answer answer, PrintWriter out) {
        out.printf("No runbook matches \"%s\".%n", answer.question());
        out.println("Hint: paste the exact error line or the alert name, or describe what you see"
                + " (\"disk full on /var\", \"port 8000 already in use\").");
        printCandidates("Closest sections, low confidence:", answer.hits(), out);
    }

    private static void printCandidates(String title, List<SectionHit> hits, PrintWriter out) {
        if (hits.isEmpty()) {
            return;
        }
        out.println(title);
        int rank = 1;
        for (SectionHit h : hits) {
            out.printf("  %d. %s  (%s)%n", rank++, breadcrumb(h.section()), location(h.section()));
        }
    }

    static String breadcrumb(RunbookSection s) {
        return s.path().isEmpty() ? s.heading() : String.join(" > ", s.path());
    }

    static String location(RunbookSection s) {
        return s.file() + ":" + s.line() + "-" + s.endLine();
    }
}
