package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code recognizes} line of an allowlist entry, ready to match runbook commands.
 *
 * <p>Rules, kept few so a reviewer can predict every match:
 * <ul>
 *   <li>The pattern matches at the start of a command (see {@link SuggestionLines}) and may stop
 *       before its end: {@code lsof -i :{port}} matches {@code lsof -i :8000 | grep LISTEN}. The
 *       match must end at the end of the command, before a space, or before one of
 *       {@code | ; & < > )}; {@code df -h} does not match {@code df -hT}.</li>
 *   <li>Literal text matches exactly (case-sensitive), except whitespace: one space in the
 *       pattern matches one or more blanks, and blanks around {@code |} are optional.
 *       Where the pattern has no space the command may have none: {@code lsof -i:{port}} and
 *       {@code lsof -i :{port}} are two patterns.</li>
 *   <li>{@code {name}} captures a non-empty value without blanks, quotes or any of
 *       {@code | ; & < > ( )} and backtick, up to where the rest of the pattern matches; between
 *       two equal quotes ({@code "{since}"}) it may hold blanks. Values are tried shortest first,
 *       and each must pass its parameter's {@link ParamSpec#reject} check, so adjacent
 *       placeholders split where both values are valid ({@code :{port}{path}} on
 *       {@code :8000/health} gives 8000 and /health).</li>
 *   <li>A leading {@code sudo } is ignored in patterns as in commands.</li>
 * </ul>
 */
final class SuggestionPattern {
    /** The placeholder syntax of the allowlist ({@code agent.allowlist.Placeholders}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)\\}");

    private static final int MAX_VALUE = 256;

    private sealed interface Part permits Literal, Slot {}

    private record Literal(String text, Pattern regex) implements Part {}

    private record Slot(String name, ParamSpec spec, char quote) implements Part {}

    private final String source;
    private final List<Part> parts;

    private SuggestionPattern(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * @throws IllegalArgumentException when the pattern is blank or uses a placeholder that is not
     *                                  one of {@code params} (the allowlist loader refuses both)
     */
    static SuggestionPattern compile(String pattern, Map<String, ParamSpec> params) {
        String normal = SuggestionLines.withoutLeadingWords(pattern.strip().replaceAll("\\s+", " "));
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("empty recognizes pattern");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(normal);
        int last = 0;
        while (m.find()) {
            addLiteral(parts, normal.substring(last, m.start()));
            ParamSpec spec = params.get(m.group(1));
            if (spec == null) {
                throw new IllegalArgumentException("recognizes pattern \"" + pattern + "\" uses {" + m.group(1)
                        + "}, which is not a parameter of the entry");
            }
            char before = m.start() > 0 ? normal.charAt(m.start() - 1) : ' ';
            boolean quoted = (before == '"' || before == '\'') && normal.startsWith(String.valueOf(before), m.end());
            parts.add(new Slot(m.group(1), spec, quoted ? before : 0));
            last = m.end();
        }
        addLiteral(parts, normal.substring(last));
        return new SuggestionPattern(pattern, parts);
    }

    private static void addLiteral(List<Part> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(new Literal(text, Pattern.compile(literalRegex(text))));
        }
    }

    /** One space: one or more blanks; blanks around a pipe: optional; anything else: itself. */
    private static String literalRegex(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|') {
                regex.append("\\s*\\|\\s*");
            } else if (c == ' ') {
                boolean nextToPipe =
                        i > 0 && text.charAt(i - 1) == '|' || i + 1 < text.length() && text.charAt(i + 1) == '|';
                regex.append(nextToPipe ? "" : "\\s+");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    String source() {
        return source;
    }

    /** The checked values captured when the pattern matches the start of {@code command}. */
    Optional<Map<String, String>> match(String command) {
        Map<String, String> values = new LinkedHashMap<>();
        return match(command, 0, 0, values) ? Optional.of(values) : Optional.empty();
    }

    private boolean match(String s, int pos, int part, Map<String, String> values) {
        if (part == parts.size()) {
            return atBoundary(s, pos);
        }
        if (parts.get(part) instanceof Literal literal) {
            int end = literalEnd(literal, s, pos);
            return end >= 0 && match(s, end, part + 1, values);
        }
        Slot slot = (Slot) parts.get(part);
        String earlier = values.get(slot.name());
        if (earlier != null) {
            return s.startsWith(earlier, pos) && match(s, pos + earlier.length(), part + 1, values);
        }
        for (int end = pos + 1;
                end <= Math.min(s.length(), pos + MAX_VALUE) && !stops(slot, s.charAt(end - 1));
                end++) {
            if (canContinue(s, end, part + 1)
                    && slot.spec().reject(s.substring(pos, end)).isEmpty()) {
                values.put(slot.name(), s.substring(pos, end));
                if (match(s, end, part + 1, values)) {
                    return true;
                }
                values.remove(slot.name());
            }
        }
        return false;
    }

    /** A cheap look at what follows a value before its (possibly costly) check runs. */
    private boolean canContinue(String s, int pos, int part) {
        if (part == parts.size()) {
            return atBoundary(s, pos);
        }
        return !(parts.get(part) instanceof Literal literal) || literalEnd(literal, s, pos) >= 0;
    }

    private static int literalEnd(Literal literal, String s, int pos) {
        Matcher m = literal.regex().matcher(s).region(pos, s.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static boolean stops(Slot slot, char c) {
        if (slot.quote() != 0) {
            return c == slot.quote() || c == '\n';
        }
        return Character.isWhitespace(c) || "|;&<>()`'\"".indexOf(c) >= 0;
    }

    private static boolean atBoundary(String s, int pos) {
        return pos == s.length() || Character.isWhitespace(s.charAt(pos)) || "|;&<>)".indexOf(s.charAt(pos)) >= 0;
    }
}
