package io.runbookbot.search.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers the headings of a plain-text rendering of a runbook, one whose {@code #} markers were
 * lost. A heading is a short, title-like line standing alone between blank lines (see
 * {@link HeadingCandidate}). Levels are inferred the way reStructuredText infers them from
 * underline styles: the first heading is the title (level 1), and every other heading gets the
 * level of its style (plain, numbered, {@code Label: text}, bold), styles being numbered 2, 3, 4,
 * ... in the order they first appear.
 */
final class PlainTextHeadings {
    private PlainTextHeadings() {}

    /** The headings from 1-based line {@code from} on, in document order. */
    static List<HeadingLine> find(List<String> lines, int from) {
        List<String> text = dedent(lines);
        List<HeadingLine> headings = new ArrayList<>();
        Map<HeadingCandidate.Style, Integer> levels = new HashMap<>();
        for (int n = from; n <= text.size(); n++) {
            if (standsAlone(text, n, from) && HeadingCandidate.accepts(text.get(n - 1))) {
                String heading = text.get(n - 1).strip();
                int level = headings.isEmpty() ? 1 : levelOf(heading, levels);
                headings.add(new HeadingLine(heading, level, n, n));
            }
        }
        return headings;
    }

    private static int levelOf(String heading, Map<HeadingCandidate.Style, Integer> levels) {
        return levels.computeIfAbsent(HeadingCandidate.style(heading), s -> levels.size() + 2);
    }

    /** Blank line (or start of the content) before, blank line (or end of file) after. */
    private static boolean standsAlone(List<String> text, int n, int from) {
        boolean blankBefore = n == from || text.get(n - 2).isBlank();
        boolean blankAfter = n == text.size() || text.get(n).isBlank();
        return blankBefore && blankAfter;
    }

    /**
     * The lines without the indentation most of them share: a tab, or the longest run of spaces
     * that more than half of the non-blank lines start with.
     */
    static List<String> dedent(List<String> lines) {
        String prefix = commonIndent(lines);
        if (prefix.isEmpty()) {
            return lines;
        }
        return lines.stream()
                .map(l -> l.startsWith(prefix) ? l.substring(prefix.length()) : l)
                .toList();
    }

    private static String commonIndent(List<String> lines) {
        List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
        if (isMostly(nonBlank, "\t")) {
            return "\t";
        }
        for (int width = 8; width > 0; width--) {
            String spaces = " ".repeat(width);
            if (isMostly(nonBlank, spaces)) {
                return spaces;
            }
        }
        return "";
    }

    private static boolean isMostly(List<String> lines, String prefix) {
        long count = lines.stream().filter(l -> l.startsWith(prefix)).count();
        return count * 2 > lines.size();
    }
}
