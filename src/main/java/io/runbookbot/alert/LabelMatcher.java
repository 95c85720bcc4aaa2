package io.runbookbot.alert;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * One Alertmanager label matcher: {@code name="value"}, {@code name!="value"}, {@code name=~"regex"}
 * or {@code name!~"regex"}, the value quoted (escapes {@code \"}, {@code \\}, {@code \n}) or not.
 * A regular expression is RE2 (re2j), as in Alertmanager, and anchored at both ends; it runs in time
 * linear in the label value, whatever the expression, since label values arrive from outside. A
 * label the alert does not carry matches as the empty string, as in Alertmanager.
 */
public final class LabelMatcher {
    /** Longest matcher text accepted; a route file is written by people. */
    public static final int MAX_CHARS = 1024;

    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }

        boolean negated() {
            return this == NOT_EQUAL || this == NOT_REGEX;
        }
    }

    private final String name;
    private final Operator operator;
    private final String value;
    private final Pattern pattern;

    private LabelMatcher(String name, Operator operator, String value) {
        this.name = name;
        this.operator = operator;
        this.value = value;
        this.pattern = operator.regex() ? compile(value) : Pattern.compile(Pattern.quote(value));
    }

    public static LabelMatcher of(String name, Operator operator, String value) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (!MatcherText.isLabelName(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException(
                    "label name must match [a-zA-Z_][a-zA-Z0-9_]* (as in Prometheus), got " + MatcherText.echo(name));
        }
        return new LabelMatcher(name, operator, value);
    }

    /**
     * Parses Alertmanager's matcher text.
     *
     * @throws IllegalArgumentException saying what is wrong (it names no route: the caller does)
     */
    public static LabelMatcher parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "matcher is " + text.length() + " characters, more than the limit of " + MAX_CHARS);
        }
        return MatcherText.parse(text);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not an RE2 regular expression: " + e.getDescription(), e);
        }
    }

    /** Whether the labels satisfy this matcher; a missing label counts as "". */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean hit = operator.regex() ? pattern.matches(actual) : value.equals(actual);
        return hit != operator.negated();
    }

    public String name() {
        return name;
    }

    public Operator operator() {
        return operator;
    }

    public String value() {
        return value;
    }

    /** The canonical text, which {@link #parse} reads back to an equal matcher. */
    @Override
    public String toString() {
        return name + operator.symbol() + MatcherText.quote(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMatcher m
                && name.equals(m.name)
                && operator == m.operator
                && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, operator, value);
    }
}
