package io.runbookbot.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first sentence of a Meaning section's first paragraph of prose, on one line: headings, code
 * fences, HTML ({@code <details>}), tables and images are skipped; wrapped lines are joined.
 */
final class MeaningLine {
    private MeaningLine() {}

    static Optional<String> of(String sectionText) {
        List<String> paragraph = new ArrayList<>();
        boolean fenced = false;
        String[] lines = sectionText.split("\n", -1);
        for (int i = 1; i < lines.length; i++) { // line 0 is the heading
            String l = lines[i].strip();
            if (l.startsWith("```") || l.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced || skipped(l)) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.add(l.startsWith("- ") || l.startsWith("* ") ? l.substring(2) : l);
        }
        if (paragraph.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(firstSentence(String.join(" ", paragraph).replaceAll("\\s+", " ")));
    }

    private static boolean skipped(String l) {
        return l.isEmpty()
                || l.startsWith("#")
                || l.startsWith("<")
                || l.startsWith("|")
                || l.startsWith("![")
                || l.chars().allMatch(c -> c == '-' || c == '=' || c == '*' || c == '_');
    }

    private static String firstSentence(String text) {
        int end = -1;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '.' && text.charAt(i + 1) == ' ' && i > 0 && !Character.isDigit(text.charAt(i - 1))) {
                end = i + 1;
                break;
            }
        }
        String s = end > 0 ? text.substring(0, end) : text;
        return s.length() <= ActionableSections.MAX_MEANING
                ? s
                : s.substring(0, ActionableSections.MAX_MEANING - 1).stripTrailing() + "…";
    }
}
