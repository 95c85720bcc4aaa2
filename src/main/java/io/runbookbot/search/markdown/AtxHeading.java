package io.runbookbot.search.markdown;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ATX heading line ({@code ## Title ##}), read in linear time. It gives the same text as the
 * expression {@code ^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$} (the eval's
 * {@code headings.py}), whose lazy group rescans every run of blanks and took minutes on one
 * 200 KB line. Lines holding a character that {@code .} does not match ({@code \u0085},
 * {@code \u2028}, {@code \u2029}, CR) are left to that expression when short, and are no heading
 * when long.
 */
final class AtxHeading {
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final int MAX_REGEX_CHARS = 256;

    private AtxHeading() {}

    /** The heading's text (group 2 of the expression, "" when absent), or empty if not an ATX line. */
    static Optional<String> text(String line) {
        if (hasOddTerminator(line)) {
            if (line.length() > MAX_REGEX_CHARS) {
                return Optional.empty();
            }
            var m = ATX.matcher(line);
            return m.matches() ? Optional.of(m.group(2) == null ? "" : m.group(2)) : Optional.empty();
        }
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int hashes = run(line, i, '#');
        if (hashes < 1 || hashes > 6) {
            return Optional.empty();
        }
        int rest = i + hashes;
        if (rest == line.length()) {
            return Optional.of("");
        }
        if (!blank(line.charAt(rest))) {
            return Optional.empty();
        }
        int start = rest;
        while (start < line.length() && blank(line.charAt(start))) {
            start++;
        }
        int end = line.length();
        while (end > start && blank(line.charAt(end - 1))) {
            end--;
        }
        return Optional.of(line.substring(start, withoutClosingSequence(line, start, end)));
    }

    /** Whether the line is an ATX heading. */
    static boolean matches(String line) {
        return text(line).isPresent();
    }

    /** End of the text once a closing {@code #} run preceded by blanks is dropped. */
    private static int withoutClosingSequence(String line, int start, int end) {
        int hashStart = end;
        while (hashStart > start && line.charAt(hashStart - 1) == '#') {
            hashStart--;
        }
        if (hashStart == end || hashStart == start || !blank(line.charAt(hashStart - 1))) {
            return end;
        }
        int textEnd = hashStart;
        while (textEnd > start && blank(line.charAt(textEnd - 1))) {
            textEnd--;
        }
        return textEnd;
    }

    private static int run(String line, int from, char c) {
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean hasOddTerminator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
