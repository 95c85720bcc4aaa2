package io.runbookbot.agent.allowlist;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {name}} placeholders in argv templates and {@code recognizes} lines. A name is
 * {@code [a-z_][a-z0-9_]*}; braces around anything else ({@code {{.Names}}}) are literal text.
 */
public final class Placeholders {
    /** Matches one placeholder; group 1 is the parameter name. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)\\}");

    private Placeholders() {}

    /** The parameter names used in {@code template}, in order of first use. */
    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Replaces every placeholder in one pass (a value that itself looks like a placeholder is not
     * expanded again).
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
