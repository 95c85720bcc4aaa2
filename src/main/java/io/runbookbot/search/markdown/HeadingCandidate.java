package io.runbookbot.search.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a plain-text line reads like a heading, and which heading style it uses. */
final class HeadingCandidate {
    private static final int MIN_CHARS = 2;
    private static final int MAX_CHARS = 80;
    private static final int MAX_WORDS = 12;
    private static final int MAX_LABEL_WORDS = 3;
    private static final Pattern BOLD = Pattern.compile("^(\\*\\*|__)(\\S.*?\\S|\\S)\\1$");
    /** "2. Foo", "2.1 Bar", "§1. Foo", "§ 3 Foo": the number part in group 1. */
    private static final Pattern NUMBERED = Pattern.compile("^(?:§\\s*)?(\\d+(?:\\.\\d+)*)\\.?\\s+\\p{Lu}.*");
    /** Numbering that counts at the start of a heading: "2." or "2.1", not "11 KiB". */
    private static final Pattern NUMBER_START =
            Pattern.compile("^\\d+(?:\\.\\d+)*\\.\\s*\\p{Lu}.*|^\\d+(?:\\.\\d+)+\\s+\\p{Lu}.*");

    private static final Pattern LABEL = Pattern.compile("^([^:]+):\\s+\\S.*");
    private static final Pattern CODE_CHARS = Pattern.compile("[`$|={}<>\\[\\]]|http");
    private static final String BAD_ENDINGS = ".,;:!";

    /** A heading style; levels are assigned per style. */
    enum Kind {
        PLAIN,
        NUMBERED,
        LABEL,
        BOLD
    }

    /** A style; {@code depth} tells "2." (1) from "2.1" (2) apart for numbered headings. */
    record Style(Kind kind, int depth) {}

    private HeadingCandidate() {}

    /** Whether the line (dedented, not stripped) could be a heading. */
    static boolean accepts(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        String text = line.strip();
        if (!sized(text)) {
            return false; // first, so that the expressions below only ever see short lines
        }
        Matcher bold = BOLD.matcher(text);
        boolean isBold = bold.matches();
        String inner = isBold ? bold.group(2).strip() : text;
        return (isBold || startsLikeTitle(inner))
                && endsLikeTitle(inner)
                && !CODE_CHARS.matcher(inner).find()
                && letters(inner) >= 2;
    }

    /** The style of an accepted heading line. */
    static Style style(String heading) {
        if (BOLD.matcher(heading).matches()) {
            return new Style(Kind.BOLD, 0);
        }
        Matcher numbered = NUMBERED.matcher(heading);
        if (numbered.matches()) {
            return new Style(Kind.NUMBERED, numbered.group(1).split("\\.").length);
        }
        Matcher label = LABEL.matcher(heading);
        if (label.matches() && label.group(1).strip().split("\\s+").length <= MAX_LABEL_WORDS) {
            return new Style(Kind.LABEL, 0);
        }
        return new Style(Kind.PLAIN, 0);
    }

    private static boolean sized(String text) {
        return text.length() >= MIN_CHARS && text.length() <= MAX_CHARS && text.split("\\s+").length <= MAX_WORDS;
    }

    private static boolean startsLikeTitle(String text) {
        int first = text.codePointAt(0);
        return Character.isUpperCase(first)
                || Character.isTitleCase(first)
                || first == '§'
                || NUMBER_START.matcher(text).matches();
    }

    private static boolean endsLikeTitle(String text) {
        return BAD_ENDINGS.indexOf(text.charAt(text.length() - 1)) < 0;
    }

    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }
}
