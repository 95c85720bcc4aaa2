package io.runbookbot.search.markdown;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leading YAML ({@code ---}) or TOML ({@code +++}) front matter block: where it ends and its
 * {@code title}. Recognised the way the eval's {@code headings.py} does: the first line is the
 * delimiter and a later line is the same delimiter.
 *
 * @param lastLine 1-based line of the closing delimiter; 0 when there is no front matter
 * @param title    the {@code title} value without quotes, when given
 */
record FrontMatter(int lastLine, Optional<String> title) {
    private static final FrontMatter NONE = new FrontMatter(0, Optional.empty());
    private static final Pattern TITLE = Pattern.compile("^title\\s*[:=]\\s*(.*?)\\s*$");
    /** A YAML block scalar indicator: the title is on the following lines, not read here. */
    private static final int MAX_TITLE_LINE = 1_000;

    private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][-+]?$");

    static FrontMatter of(List<String> lines) {
        if (lines.isEmpty()) {
            return NONE;
        }
        String delimiter = lines.get(0).strip();
        if (!delimiter.equals("---") && !delimiter.equals("+++")) {
            return NONE;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(delimiter)) {
                return new FrontMatter(i + 1, title(lines.subList(1, i)));
            }
        }
        return NONE;
    }

    private static Optional<String> title(List<String> block) {
        for (String line : block) {
            if (line.length() > MAX_TITLE_LINE) {
                continue; // the expression's lazy group is quadratic on long runs of blanks
            }
            Matcher m = TITLE.matcher(line);
            if (m.matches()) {
                String value = unquote(m.group(1)).strip();
                boolean usable =
                        !value.isEmpty() && !BLOCK_SCALAR.matcher(value).matches();
                return usable ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                String inner = value.substring(1, value.length() - 1);
                return first == '\'' ? inner.replace("''", "'") : inner.replace("\\\"", "\"");
            }
        }
        return value;
    }
}
