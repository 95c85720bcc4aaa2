package io.runbookbot.search.markdown;

import io.runbookbot.core.CodeBlock;
import java.util.List;

/**
 * A runbook file cut into headings.
 *
 * @param file       path relative to the runbooks folder, {@code /} separators
 * @param title      front matter {@code title}, else the first level-1 heading, else a title made
 *                   from the file name
 * @param lines      the file's lines, verbatim (line {@code n} is {@code lines.get(n - 1)})
 * @param headings   headings in document order, the preamble (level 0) first when there is one
 * @param codeBlocks every code block of the file, in document order
 */
public record Runbook(
        String file, String title, List<String> lines, List<RunbookHeading> headings, List<CodeBlock> codeBlocks) {
    public Runbook {
        lines = List.copyOf(lines);
        headings = List.copyOf(headings);
        codeBlocks = List.copyOf(codeBlocks);
    }

    /** Lines {@code from..to} (1-based, inclusive) joined with newlines. */
    public String text(int from, int to) {
        return String.join("\n", lines.subList(from - 1, to));
    }

    /** Code blocks whose first line lies in {@code from..to} (1-based, inclusive). */
    public List<CodeBlock> codeBlocks(int from, int to) {
        return codeBlocks.stream()
                .filter(c -> c.line() >= from && c.line() <= to)
                .toList();
    }
}
