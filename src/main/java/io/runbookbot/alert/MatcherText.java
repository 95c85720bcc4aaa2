package io.runbookbot.alert;

/**
 * Reads and writes the text of one label matcher, Alertmanager's syntax: a label name, an operator,
 * then a value, double-quoted (with {@code \"}, {@code \\} and {@code \n} escapes) or bare (the rest
 * of the text, trimmed). Written by hand in one pass: no regular expression runs on the text.
 */
final class MatcherText {
    private MatcherText() {}

    static LabelMatcher parse(String text) {
        int i = skipSpaces(text, 0);
        int nameStart = i;
        while (i < text.length() && isNameChar(text.charAt(i), i == nameStart)) {
            i++;
        }
        String name = text.substring(nameStart, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    "a matcher starts with a label name, such as severity=\"critical\"; got " + echo(text));
        }
        i = skipSpaces(text, i);
        LabelMatcher.Operator operator = operator(text, i);
        i = skipSpaces(text, i + operator.symbol().length());
        String value = value(text, i);
        return LabelMatcher.of(name, operator, value);
    }

    private static LabelMatcher.Operator operator(String text, int i) {
        String rest = text.substring(i);
        for (LabelMatcher.Operator op : new LabelMatcher.Operator[] {
            LabelMatcher.Operator.REGEX,
            LabelMatcher.Operator.NOT_REGEX,
            LabelMatcher.Operator.NOT_EQUAL,
            LabelMatcher.Operator.EQUAL
        }) {
            if (rest.startsWith(op.symbol())) {
                return op;
            }
        }
        throw new IllegalArgumentException("expected one of =, !=, =~, !~ after the label name in " + echo(text));
    }

    private static String value(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '"') {
            String bare = text.substring(start).strip();
            if (bare.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a value with a \" must be quoted, in " + echo(text));
            }
            return bare;
        }
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                if (skipSpaces(text, i) != text.length()) {
                    throw new IllegalArgumentException("text after the closing quote in " + echo(text));
                }
                return value.toString();
            }
            if (c == '\\') {
                if (i >= text.length()) {
                    break;
                }
                value.append(unescape(text.charAt(i++), text));
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("the value's quote is not closed in " + echo(text));
    }

    private static char unescape(char c, String text) {
        return switch (c) {
            case '"', '\\' -> c;
            case 'n' -> '\n';
            default ->
                throw new IllegalArgumentException("unknown escape \\" + c + " in " + echo(text)
                        + " (known: \\\" \\\\ \\n; in a regex write \\\\" + c + ")");
        };
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    static boolean isLabelName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i), i == 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        return letter || (!first && c >= '0' && c <= '9');
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Quotes text for a message: at most 80 characters, control characters shown as '?'. */
    static String echo(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder("'");
        cut.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
        return out.append('\'').toString();
    }
}
