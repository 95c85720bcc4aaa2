package io.runbookbot.search.markdown;

import java.util.List;
import java.util.Locale;

/**
 * Tells whether a file is a plain-text rendering of a runbook whose Markdown markup was lost, so
 * that its headings must be inferred ({@link PlainTextHeadings}): a file with no fenced code
 * whose "headings" are mostly shell comments that lost their fence ({@code # comment} lines
 * directly followed by a command), whatever its extension (such renderings get saved as
 * {@code .md} too), or a non-Markdown ({@code .txt}) file with no Markdown headings at all.
 */
final class MarkupLoss {
    private static final int MIN_COMMENTS = 3;

    private MarkupLoss() {}

    static boolean isLikely(String file, MarkdownScanner.Result scan, List<String> lines) {
        if (scan.headings().isEmpty()) {
            return !isMarkdownFile(file);
        }
        long comments =
                scan.headings().stream().filter(h -> isCommentLike(h, lines)).count();
        return scan.fencedBlocks() == 0
                && comments >= MIN_COMMENTS
                && comments * 2 > scan.headings().size();
    }

    static boolean isMarkdownFile(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A one-line level-1 heading with a non-blank line right under it, like {@code # list files}. */
    private static boolean isCommentLike(HeadingLine h, List<String> lines) {
        return h.level() == 1
                && h.lastLine() == h.line()
                && h.line() < lines.size()
                && !lines.get(h.line()).isBlank();
    }
}
