package io.runbookbot.search.markdown;

/**
 * A heading as found in the source, before its body and path are worked out.
 *
 * @param text     heading text as written, trimmed
 * @param level    1-6 (Markdown) or the inferred level (plain text)
 * @param line     1-based line of the heading text
 * @param lastLine 1-based last line of the heading itself (a setext heading's underline)
 */
record HeadingLine(String text, int level, int line, int lastLine) {}
