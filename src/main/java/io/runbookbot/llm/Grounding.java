package io.runbookbot.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a generated summary invents nothing an engineer might type: every backticked span
 * and every code-looking word (a flag, a path, a {@code key=value}, an identifier with
 * {@code _} or {@code ()}, a file or host name with a dot, a number of two digits or more) must
 * appear in the section's text. Whitespace runs compare as one space. Stateless.
 */
final class Grounding {
    private static final Pattern FENCE = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BACKTICKS = Pattern.compile("`([^`]+)`");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CODE_LOOKING = Pattern.compile(
            "--?[A-Za-z][\\w-]*.*" // a flag
                    + "|(?:~|\\.{1,2})?/.+" // a path
                    + "|[^/\\s]+/[^/\\s]+/.*" // a relative path with two slashes
                    + "|.*[=_$]|.*\\(\\).*" // ends in = _ $, or calls ()
                    + "|.*[=_$:]\\S.*" // key=value, snake_case, $VAR, host:port, a::b
                    + "|.*\\w\\.[A-Za-z0-9]{2,}.*" // file.conf, host.example.com, 1.2.3
                    + "|.*\\d{2,}.*"); // 5432, 200MB, 0.75
    private static final String OPENERS = "([{\"'*<";
    private static final String CLOSERS = ".,;:!?)]}\"'*>";

    private Grounding() {}

    /** The first span or code-looking word of {@code summary} that {@code section} does not contain. */
    static Optional<String> unsupported(String summary, String section) {
        String haystack = squeeze(section);
        return candidates(summary).stream()
                .filter(c -> !haystack.contains(squeeze(c)))
                .findFirst();
    }

    /** Fenced blocks' lines, backticked spans, then code-looking words of the remaining prose. */
    static List<String> candidates(String summary) {
        List<String> found = new ArrayList<>();
        String prose = collect(FENCE, summary, found);
        prose = collect(BACKTICKS, prose, found);
        for (String word : WHITESPACE.split(prose)) {
            String token = trim(word);
            if (!token.isEmpty() && CODE_LOOKING.matcher(token).matches()) {
                found.add(token);
            }
        }
        return found;
    }

    /** Adds each match's non-blank lines to {@code found}; returns the text with the matches blanked. */
    private static String collect(Pattern pattern, String text, List<String> found) {
        Matcher m = pattern.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(found::add);
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return rest.toString();
    }

    private static String trim(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && OPENERS.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && CLOSERS.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }

    private static String squeeze(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
