package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * One answerable unit of a runbook: a heading and the text under it, as the on-call engineer
 * will read it.
 *
 * @param file       path of the runbook relative to the runbooks folder, with {@code /} separators
 * @param title      the runbook's title (front matter title, first heading, or file name)
 * @param heading    heading text as written, without {@code #} markers
 * @param path       heading chain from the runbook's top heading down to {@code heading}
 * @param level      heading level (1-6); 0 for the text before the first heading
 * @param line       1-based line of the heading
 * @param endLine    1-based last line of the text shown for this section
 * @param text       the section's Markdown source, verbatim, from {@code line} to {@code endLine}
 * @param codeBlocks the code blocks inside the shown text, in order
 */
public record RunbookSection(
        String file,
        String title,
        String heading,
        List<String> path,
        int level,
        int line,
        int endLine,
        String text,
        List<CodeBlock> codeBlocks) {

    public RunbookSection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(text, "text");
        path = List.copyOf(path);
        codeBlocks = List.copyOf(codeBlocks);
    }

    /** The heading chain ("Runbook › Section › Subsection"), else the heading, else the runbook title. */
    public String headingPath() {
        return !path.isEmpty() ? String.join(" › ", path) : !heading.isBlank() ? heading : title;
    }

    /** {@code file:line}, the way editors and terminals link to a place in a file. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * True when both are in the same file and their lines intersect: one is the other, its parent
     * or child (a parent's span contains its children's), or they share lines. Showing both would
     * repeat text the reader already has.
     */
    public boolean overlaps(RunbookSection other) {
        return file.equals(other.file) && line <= other.endLine && other.line <= endLine;
    }
}
