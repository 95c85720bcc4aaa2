package io.runbookbot.search.index;

import io.runbookbot.core.CodeBlock;
import io.runbookbot.core.RunbookSection;
import io.runbookbot.redact.Redactor;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookHeading;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides what the bot shows for each heading of a runbook: the unit it indexes and answers with.
 *
 * <p>A heading with a body of its own answers with that body (a "Diagnosis" section, an FAQ
 * entry). A heading that is only a container (its body is a line or two, the substance is in its
 * subsections) answers with its whole subtree, as long as that stays readable; otherwise its
 * subsections stand alone. The one heading above all others (the runbook's own title) never
 * answers with the whole runbook: its subsections do. Headings with nothing under them are not
 * answers.
 *
 * <p>Every string of a unit that is shown (text, code, heading, heading path, runbook title) is
 * {@linkplain Redactor#redact redacted} here, once, so no adapter, printer or JSON output can show
 * a secret a runbook spells out ({@code PGPASSWORD='...'} in a body, {@code ## Check with
 * PASSWORD=x} as a heading, a database URL in the front matter title) nor a control character
 * that would drive a terminal. The index is built from the same redacted text: a masked secret is
 * never a useful search term. (The runbook-level document that ranks whole files still reads the
 * raw lines, and the file name stays as it is: it is the unit's key.)
 */
public final class AnswerUnits {
    /** A body with fewer non-blank lines than this is a container's lead-in, not an answer. */
    static final int MIN_OWN_LINES = 3;
    /** A container's subtree is shown whole up to this many lines. */
    static final int MAX_CONTAINER_LINES = 80;

    private static final Pattern THEMATIC_BREAK =
            Pattern.compile(" {0,3}([-*_])(?: *+\\1){2,}+ *+"); // possessive: no recursion, no backtracking

    private AnswerUnits() {}

    /** The answer units of a runbook, in document order. */
    public static List<RunbookSection> of(Runbook runbook) {
        List<RunbookSection> units = new ArrayList<>();
        long topLevel = runbook.headings().stream()
                .filter(h -> h.level() > 0 && h.path().size() == 1)
                .count();
        for (RunbookHeading h : runbook.headings()) {
            boolean wholeRunbook = topLevel == 1 && h.level() > 0 && h.path().size() == 1;
            int end = wholeRunbook ? h.bodyEndLine() : shownEnd(runbook, h);
            if (end > h.line() || h.level() == 0) {
                units.add(section(runbook, h, end));
            }
        }
        return units;
    }

    private static int shownEnd(Runbook runbook, RunbookHeading h) {
        boolean container = h.endLine() > h.bodyEndLine();
        boolean thin = nonBlankLines(runbook, h.line() + 1, h.bodyEndLine()) < MIN_OWN_LINES;
        if (container && thin && h.endLine() - h.line() + 1 <= MAX_CONTAINER_LINES) {
            return withoutTrailingRules(runbook, h.line(), h.endLine());
        }
        return withoutTrailingRules(runbook, h.line(), h.bodyEndLine());
    }

    /** Backs off over the blank lines and thematic breaks ({@code ---}) that separate sections. */
    private static int withoutTrailingRules(Runbook runbook, int line, int end) {
        while (end > line
                && (runbook.lines().get(end - 1).isBlank()
                        || THEMATIC_BREAK.matcher(runbook.lines().get(end - 1)).matches())) {
            end--;
        }
        return end;
    }

    private static int nonBlankLines(Runbook runbook, int from, int to) {
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (!runbook.lines().get(i - 1).isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static RunbookSection section(Runbook runbook, RunbookHeading h, int end) {
        List<CodeBlock> code = runbook.codeBlocks(h.line(), end).stream()
                .map(c -> new CodeBlock(c.language(), Redactor.redact(c.code()), c.line()))
                .toList();
        List<String> path = h.path().stream().map(Redactor::redact).toList();
        return new RunbookSection(
                runbook.file(),
                Redactor.redact(runbook.title()),
                Redactor.redact(h.text()),
                path,
                h.level(),
                h.line(),
                end,
                Redactor.redact(runbook.text(h.line(), end)),
                code);
    }
}
