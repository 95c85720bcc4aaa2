package io.runbookbot.search.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Turns the headings found in a file into {@link RunbookHeading}s: heading paths, body and
 * subtree ends, and the preamble (the text before the first heading).
 */
final class HeadingOutline {
    private final List<String> lines;
    private final List<HeadingLine> found;

    private HeadingOutline(List<String> lines, List<HeadingLine> found) {
        this.lines = lines;
        this.found = found;
    }

    /**
     * The runbook headings.
     *
     * @param lines        the file's lines
     * @param contentStart 1-based first line after the front matter
     * @param found        the headings, in document order
     * @param title        the runbook title, the preamble's text
     */
    static List<RunbookHeading> of(List<String> lines, int contentStart, List<HeadingLine> found, String title) {
        HeadingOutline outline = new HeadingOutline(lines, found);
        List<RunbookHeading> headings = new ArrayList<>();
        outline.preamble(contentStart, title).ifPresent(headings::add);
        headings.addAll(outline.headings());
        return headings;
    }

    private Optional<RunbookHeading> preamble(int contentStart, String title) {
        int end = found.isEmpty() ? lines.size() : found.get(0).line() - 1;
        int first = firstNonBlank(contentStart, end);
        if (first == 0) {
            return Optional.empty();
        }
        int last = lastNonBlank(first, end);
        return Optional.of(new RunbookHeading(title, 0, List.of(title), first, last, last));
    }

    private List<RunbookHeading> headings() {
        List<RunbookHeading> out = new ArrayList<>();
        Deque<HeadingLine> stack = new ArrayDeque<>();
        for (int i = 0; i < found.size(); i++) {
            HeadingLine h = found.get(i);
            while (!stack.isEmpty() && stack.peek().level() >= h.level()) {
                stack.pop();
            }
            stack.push(h);
            out.add(new RunbookHeading(
                    h.text(), h.level(), path(stack), h.line(), end(h, nextStart(i + 1)), end(h, subtreeLimit(i))));
        }
        return out;
    }

    private static List<String> path(Deque<HeadingLine> stack) {
        List<String> path = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(h -> path.add(h.text()));
        return path;
    }

    /** Last non-blank line after the heading itself and before {@code limit}, else its line. */
    private int end(HeadingLine h, int limit) {
        int last = lastNonBlank(h.lastLine() + 1, limit - 1);
        return last == 0 ? h.line() : last;
    }

    private int nextStart(int index) {
        return index < found.size() ? found.get(index).line() : lines.size() + 1;
    }

    private int subtreeLimit(int index) {
        int level = found.get(index).level();
        for (int j = index + 1; j < found.size(); j++) {
            if (found.get(j).level() <= level) {
                return found.get(j).line();
            }
        }
        return lines.size() + 1;
    }

    private int firstNonBlank(int from, int to) {
        for (int n = from; n <= to; n++) {
            if (!lines.get(n - 1).isBlank()) {
                return n;
            }
        }
        return 0;
    }

    private int lastNonBlank(int from, int to) {
        for (int n = to; n >= from; n--) {
            if (!lines.get(n - 1).isBlank()) {
                return n;
            }
        }
        return 0;
    }
}
