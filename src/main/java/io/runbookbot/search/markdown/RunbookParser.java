package io.runbookbot.search.markdown;

import io.runbookbot.core.CodeBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a runbook file into headings and code blocks.
 *
 * <p>Markdown is parsed with commonmark-java: ATX and setext headings, fenced and indented code,
 * a leading YAML or TOML front matter block (skipped, but its {@code title} becomes the runbook
 * title). A fence left open to the end of the file is closed before the first ATX heading that
 * follows a blank line. A non-Markdown ({@code .txt}) file whose markup was lost (no Markdown
 * headings, or only code-comment ones; see {@link MarkupLoss}) gets its headings inferred by
 * {@link PlainTextHeadings} instead, and no code blocks. Thread-safe.
 */
public final class RunbookParser {

    /**
     * Parses one runbook.
     *
     * @param file    path relative to the runbooks folder, {@code /} separators
     * @param content the file's text
     */
    public Runbook parse(String file, String content) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        List<String> lines = withoutBom(content).lines().toList();
        FrontMatter frontMatter = FrontMatter.of(lines);
        int contentStart = frontMatter.lastLine() + 1;
        MarkdownScanner.Result scan = MarkdownScanner.scan(blanked(lines, frontMatter.lastLine()));
        boolean plainText = MarkupLoss.isLikely(file, scan, lines);
        List<HeadingLine> found = plainText ? PlainTextHeadings.find(lines, contentStart) : scan.headings();
        List<CodeBlock> codeBlocks = plainText ? List.of() : scan.codeBlocks();
        String title = frontMatter.title().orElseGet(() -> titleOf(found, file));
        return new Runbook(file, title, lines, HeadingOutline.of(lines, contentStart, found, title), codeBlocks);
    }

    private static String withoutBom(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    /** The lines with the first {@code count} (the front matter) made blank. */
    private static List<String> blanked(List<String> lines, int count) {
        if (count == 0) {
            return lines;
        }
        List<String> out = new ArrayList<>(Collections.nCopies(count, ""));
        out.addAll(lines.subList(count, lines.size()));
        return out;
    }

    private static String titleOf(List<HeadingLine> found, String file) {
        return found.stream()
                .filter(h -> h.level() == 1 && !h.text().isEmpty())
                .findFirst()
                .map(HeadingLine::text)
                .orElseGet(() -> titleFromFileName(file));
    }

    /** "ops/disk-full.md" gives "disk full". */
    static String titleFromFileName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String title = stem.replaceAll("[-_\\s]+", " ").strip();
        return title.isEmpty() ? name : title;
    }
}
