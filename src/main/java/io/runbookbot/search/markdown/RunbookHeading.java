package io.runbookbot.search.markdown;

import java.util.List;

/**
 * A heading of a parsed runbook and the lines it governs.
 *
 * @param text        heading text as written, without {@code #} markers or closing {@code #}s
 * @param level       1-6 for Markdown headings (inferred for plain-text headings); 0 for the
 *                    preamble, the text before the first heading (its text is the runbook title)
 * @param path        heading chain from the top heading down to this one (the preamble's path
 *                    is just its own text)
 * @param line        1-based line of the heading text (for setext headings: the text line,
 *                    not the underline)
 * @param bodyEndLine 1-based last line of this heading's own body, before the next heading of
 *                    any level (trailing blank lines excluded; equals {@code line} when empty)
 * @param endLine     1-based last line of the heading's whole subtree, before the next heading
 *                    of the same or a higher level (trailing blank lines excluded)
 */
public record RunbookHeading(String text, int level, List<String> path, int line, int bodyEndLine, int endLine) {
    public RunbookHeading {
        path = List.copyOf(path);
    }
}
