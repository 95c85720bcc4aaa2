package io.runbookbot.search.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/**
 * Closes a fenced code block that was never closed. commonmark lets such a fence run to the end
 * of the file and swallow every heading after it; this ends it at the blank line before the first
 * following ATX heading instead, by turning that blank line into a closing fence (so line numbers
 * do not move).
 */
final class UnclosedFences {
    private UnclosedFences() {}

    /** The lines with the first fence left open to EOF closed, if there is one to close. */
    static Optional<List<String>> repair(Node document, List<String> lines) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock fence && runsToEnd(fence)) {
                return close(fence, lines);
            }
        }
        return Optional.empty();
    }

    /** A top-level fence without a closing fence can only have been ended by the end of file. */
    private static boolean runsToEnd(FencedCodeBlock fence) {
        return fence.getClosingFenceLength() == null
                && fence.getParent() instanceof Document
                && !fence.getSourceSpans().isEmpty();
    }

    private static Optional<List<String>> close(FencedCodeBlock fence, List<String> lines) {
        int opening = fence.getSourceSpans().get(0).getLineIndex();
        for (int i = opening + 2; i < lines.size(); i++) {
            if (lines.get(i - 1).isBlank() && AtxHeading.matches(lines.get(i))) {
                List<String> repaired = new ArrayList<>(lines);
                repaired.set(i - 1, fence.getFenceCharacter().repeat(fence.getOpeningFenceLength()));
                return Optional.of(repaired);
            }
        }
        return Optional.empty();
    }
}
