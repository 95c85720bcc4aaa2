package io.runbookbot.search.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-by-line port of {@code md_headings} from the eval's {@code shared/eval/headings.py}, to
 * check the parser against the eval's own view of headings.
 */
final class EvalHeadings {
    /** One heading as the eval sees it. */
    record Found(int line, int level, String text) {}

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    /** Python's str.splitlines() boundaries. */
    private static final String LINE_BREAKS = "\\r\\n|[\\n\\r\\u000B\\u000C\\u001C\\u001D\\u001E\\u0085\\u2028\\u2029]";

    private EvalHeadings() {}

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split(LINE_BREAKS, -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static List<Found> mdHeadings(String text) {
        List<String> lines = splitLines(text);
        List<Found> out = new ArrayList<>();
        int i = frontMatterEnd(lines);
        String fence = null;
        String prev = null;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = FENCE.matcher(line);
            boolean isFence = m.lookingAt();
            if (fence != null) {
                if (isFence
                        && m.group(1).charAt(0) == fence.charAt(0)
                        && m.group(1).length() >= fence.length()) {
                    fence = null;
                }
                prev = null;
                continue;
            }
            if (isFence) {
                fence = m.group(1);
                prev = null;
                continue;
            }
            Matcher a = ATX.matcher(line);
            if (a.matches()) {
                out.add(new Found(
                        i + 1,
                        a.group(1).length(),
                        a.group(2) == null ? "" : a.group(2).strip()));
                prev = null;
            } else if (SETEXT.matcher(line).matches() && prev != null && !prev.isBlank() && !line.startsWith("    ")) {
                out.add(new Found(i, line.strip().charAt(0) == '=' ? 1 : 2, prev.strip()));
                prev = null;
            } else {
                prev = !line.isBlank() && !startsWithAny(line, "    ", "\t", ">", "|", "-", "*", "+") ? line : null;
            }
        }
        return out;
    }

    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty()
                || !(lines.get(0).strip().equals("---") || lines.get(0).strip().equals("+++"))) {
            return 0;
        }
        String delimiter = lines.get(0).strip();
        for (int j = 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals(delimiter)) {
                return j + 1;
            }
        }
        return 0;
    }

    private static boolean startsWithAny(String line, String... prefixes) {
        return Arrays.stream(prefixes).anyMatch(line::startsWith);
    }
}
