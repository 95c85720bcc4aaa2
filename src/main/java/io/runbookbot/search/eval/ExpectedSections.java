package io.runbookbot.search.eval;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.search.markdown.Runbook;
import io.runbookbot.search.markdown.RunbookHeading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the expected sections of an evaluation set in the parsed runbooks and judges returned
 * sections against them.
 *
 * <p>A returned section is a hit when it is in the expected runbook and either lies inside the
 * expected section (the section itself or one of its subsections) or contains it while being
 * at most twice its length (or ten lines longer, for very short sections).
 *
 * <p>Expected files may carry a prefix naming the folder they come from ({@code seeds/...}); a
 * runbook matches when the expected path equals its path or ends with {@code "/" + path}.
 */
final class ExpectedSections {
    private final Map<String, Runbook> byFile = new HashMap<>();

    ExpectedSections(List<Runbook> runbooks) {
        runbooks.forEach(r -> byFile.put(r.file(), r));
    }

    /** The span of an expected section, or empty when the runbooks have no such heading. */
    Optional<Span> resolve(EvalQuestion.Expected e) {
        return runbook(e.file()).flatMap(r -> heading(r, e).map(h -> new Span(r.file(), h.line(), h.endLine())));
    }

    boolean isHit(RunbookSection returned, Span expected) {
        if (!returned.file().equals(expected.file())) {
            return false;
        }
        boolean inside = returned.line() >= expected.line() && returned.endLine() <= expected.endLine();
        int expectedLength = expected.endLine() - expected.line() + 1;
        int returnedLength = returned.endLine() - returned.line() + 1;
        boolean contains = returned.line() <= expected.line() && returned.endLine() >= expected.endLine();
        return inside || contains && returnedLength <= Math.max(2 * expectedLength, expectedLength + 10);
    }

    private Optional<Runbook> runbook(String expectedFile) {
        Runbook exact = byFile.get(expectedFile);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byFile.values().stream()
                .filter(r -> expectedFile.endsWith("/" + r.file()))
                .findFirst();
    }

    private static Optional<RunbookHeading> heading(Runbook r, EvalQuestion.Expected e) {
        return r.headings().stream()
                .filter(h -> h.level() > 0 && h.text().equals(e.heading()))
                .filter(h -> e.path().isEmpty() || h.path().equals(e.path()))
                .findFirst();
    }

    /** Where an expected section lies: its heading line to the end of its subtree. */
    record Span(String file, int line, int endLine) {}
}
