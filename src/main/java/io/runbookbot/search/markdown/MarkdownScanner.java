package io.runbookbot.search.markdown;

import io.runbookbot.core.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/** Finds the headings and code blocks of Markdown lines with commonmark-java. */
final class MarkdownScanner {
    /**
     * Block structure only: headings and code blocks are all the scanner reads (heading text comes
     * from the source line), so inline parsing, whose bracket handling took 6 s on 200 KB of
     * nested brackets, is skipped.
     */
    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> {})
            .build();
    /**
     * At most this many fences left open are repaired, each repair costing one more parse: a file
     * of hundreds of open fences would otherwise cost hundreds of parses.
     */
    static final int MAX_FENCE_REPAIRS = 16;

    /** What a scan found; {@code fencedBlocks} counts the fenced code blocks. */
    record Result(List<HeadingLine> headings, List<CodeBlock> codeBlocks, int fencedBlocks) {}

    private MarkdownScanner() {}

    /** Scans {@code lines} (front matter already blanked), closing fences left open to EOF. */
    static Result scan(List<String> lines) {
        List<String> source = lines;
        Node document = parse(source);
        for (int round = 0; round < Math.min(lines.size(), MAX_FENCE_REPAIRS); round++) {
            Optional<List<String>> repaired = UnclosedFences.repair(document, source);
            if (repaired.isEmpty()) {
                break;
            }
            source = repaired.get();
            document = parse(source);
        }
        Collector collector = new Collector(source);
        for (Node node = document; node != null; node = next(node, document)) {
            collector.visit(node);
        }
        return new Result(collector.headings, collector.codeBlocks, collector.fencedBlocks);
    }

    private static Node parse(List<String> lines) {
        return PARSER.parse(String.join("\n", lines));
    }

    /**
     * The node after {@code node} in document order (depth first), without recursion: quotes or
     * lists nested 10,000 deep overflowed the stack of commonmark's recursive visitor.
     */
    private static @Nullable Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node n = node; n != root; n = n.getParent()) {
            if (n.getNext() != null) {
                return n.getNext();
            }
        }
        return null;
    }

    /** Notes headings and code blocks, visited in document order. */
    private static final class Collector {
        private final List<String> lines;
        private final List<HeadingLine> headings = new ArrayList<>();
        private final List<CodeBlock> codeBlocks = new ArrayList<>();
        private int fencedBlocks;

        Collector(List<String> lines) {
            this.lines = lines;
        }

        void visit(Node node) {
            if (node instanceof Heading heading) {
                visit(heading);
            } else if (node instanceof FencedCodeBlock block) {
                visit(block);
            } else if (node instanceof IndentedCodeBlock block) {
                visit(block);
            }
        }

        private void visit(Heading heading) {
            List<SourceSpan> spans = heading.getSourceSpans();
            SourceSpan last = spans.get(spans.size() - 1);
            String text = spans.size() == 1 ? atxText(source(last)) : setextText(spans);
            headings.add(new HeadingLine(
                    text, heading.getLevel(), spans.get(0).getLineIndex() + 1, last.getLineIndex() + 1));
        }

        private void visit(FencedCodeBlock block) {
            fencedBlocks++;
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
            codeBlocks.add(new CodeBlock(language, block.getLiteral(), firstLine(block)));
        }

        private void visit(IndentedCodeBlock block) {
            codeBlocks.add(new CodeBlock("", block.getLiteral(), firstLine(block)));
        }

        private String setextText(List<SourceSpan> spans) {
            List<String> parts = new ArrayList<>();
            for (SourceSpan span : spans.subList(0, spans.size() - 1)) {
                parts.add(source(span).strip());
            }
            return String.join(" ", parts);
        }

        private String source(SourceSpan span) {
            String line = lines.get(span.getLineIndex());
            int from = Math.min(span.getColumnIndex(), line.length());
            return line.substring(from, Math.min(line.length(), from + span.getLength()));
        }
    }

    private static int firstLine(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /** The text of an ATX heading line without its markers and closing sequence. */
    static String atxText(String line) {
        return AtxHeading.text(line)
                .map(String::strip)
                .orElseGet(() -> withoutLeadingHashes(line.strip()).strip());
    }

    private static String withoutLeadingHashes(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        return text.substring(i);
    }
}
