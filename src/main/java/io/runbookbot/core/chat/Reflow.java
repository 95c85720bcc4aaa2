package io.runbookbot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lays Markdown out for a narrow screen: prose hard-wrapped in the source (at 72 or 80 columns)
 * becomes one line per paragraph, so a phone wraps it at its own width instead of breaking every
 * line twice; GitHub tables become aligned code blocks ({@link TextTable}). Everything else, code
 * blocks above all, stays as written.
 *
 * <p>Only lines that read as prose are joined: the line before must be long (it was wrapped because
 * it reached the width) and both must be mostly words. Runbooks whose code lost its fences (a
 * plain-text file, commands one per line) keep every command on its own line. One pass over the
 * lines, no regular expressions.
 */
final class Reflow {
    /** A line at least this long was probably wrapped by the author's editor, not ended on purpose. */
    static final int WRAPPED = 60;
    /** At least this share of a prose line's words are plain words (no flags, paths, key=value). */
    private static final double WORDY = 0.8;

    private Reflow() {}

    static String of(String markdown) {
        return of(markdown, UnaryOperator.identity());
    }

    /**
     * The same, with {@code text} applied to every line outside code blocks and tables once the
     * prose is re-flowed (so that a link wrapped over two source lines is one line by then).
     */
    static String of(String markdown, UnaryOperator<String> text) {
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        List<Boolean> prose = new ArrayList<>(lines.length); // out's lines outside code and tables
        String fence = null;
        boolean joinable = false; // the last line out is prose that the next may continue
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (fence != null || isFence(t)) {
                out.add(line);
                prose.add(false);
                fence = fence == null ? t.substring(0, 3) : t.startsWith(fence) ? null : fence;
                joinable = false;
                continue;
            }
            int end = TextTable.end(lines, i);
            if (end > i) {
                List<String> table = TextTable.aligned(List.of(lines).subList(i, end));
                out.addAll(table);
                table.forEach(l -> prose.add(false));
                i = end - 1;
                joinable = false;
                continue;
            }
            if (joinable && continues(t) && !out.isEmpty()) {
                String last = out.remove(out.size() - 1);
                out.add(last.stripTrailing() + " " + t);
            } else {
                out.add(line);
                prose.add(true);
            }
            joinable = t.length() >= WRAPPED && t.charAt(0) != '#' && isProse(t) && !hardBreak(line);
        }
        for (int i = 0; i < out.size(); i++) {
            if (prose.get(i)) {
                out.set(i, text.apply(out.get(i)));
            }
        }
        return String.join("\n", out);
    }

    private static boolean isFence(String t) {
        return t.startsWith("```") || t.startsWith("~~~");
    }

    /** A line that may continue the prose above: words, not a list item, heading, quote or rule. */
    private static boolean continues(String t) {
        return !t.isEmpty() && !startsBlock(t) && isProse(t);
    }

    private static boolean startsBlock(String t) {
        char c = t.charAt(0);
        if (c == '#' || c == '>' || c == '|' || c == '<' || c == '$' || c == '=' || c == '!') {
            return true;
        }
        if ((c == '-' || c == '*' || c == '+' || c == '_')
                && (t.length() == 1 || t.charAt(1) == ' ' || t.charAt(1) == c)) {
            return true; // a bullet or a rule
        }
        int digits = 0;
        while (digits < t.length() && digits < 10 && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits < t.length() && (t.charAt(digits) == '.' || t.charAt(digits) == ')');
    }

    /** Markdown's hard line break: two trailing spaces or a backslash. */
    private static boolean hardBreak(String line) {
        return line.endsWith("  ") || line.endsWith("\\");
    }

    /** Mostly plain words: commands (flags, paths, {@code key=value}) and tables are not prose. */
    static boolean isProse(String line) {
        int words = 0;
        int plain = 0;
        int i = 0;
        String t = line.strip();
        while (i < t.length()) {
            int start = i;
            while (i < t.length() && t.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                words++;
                plain += isWord(t, start, i) ? 1 : 0;
            }
            i++;
        }
        return words > 0 && plain >= WORDY * words;
    }

    /** Letters (and inner hyphens or apostrophes), with an opening or closing mark of punctuation. */
    private static boolean isWord(String t, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && "(\"'*_`[".indexOf(t.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && ".,;:!?)\"'*_`]".indexOf(t.charAt(b - 1)) >= 0) {
            b--;
        }
        if (a == b || !Character.isLetter(t.charAt(a))) {
            return false;
        }
        for (int k = a; k < b; k++) {
            char c = t.charAt(k);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '\'' && c != '\u2019') {
                return false;
            }
        }
        return true;
    }
}
