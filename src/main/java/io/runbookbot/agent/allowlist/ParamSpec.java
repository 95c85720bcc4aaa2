package io.runbookbot.agent.allowlist;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed parameter of an allowlist entry: a pattern, an enum, an integer range or a path inside
 * allowed roots. Every value is also subject to the checks every parameter shares (no control
 * characters, no leading {@code -}, a length limit) before its type's own check.
 */
public interface ParamSpec {

    /** The parameter's name, as used in {@code {name}} placeholders. */
    String name();

    /**
     * Checks a raw value.
     *
     * @return empty when the value is acceptable, else a reason written for the user that names
     *         the parameter (e.g. "port: must be an integer from 1 to 65535")
     */
    Optional<String> reject(String value);

    /** What is accepted, for listings: "integer 1-65535", "one of: nginx, postgres". */
    String describe();

    /** A value matching {@code regex} in full, at most {@code maxLength} (1-256) characters. */
    static PatternParam pattern(String name, String regex, int maxLength) {
        return new PatternParam(name, Pattern.compile(regex), maxLength);
    }

    /** A value equal to one of {@code values}. */
    static EnumParam oneOf(String name, List<String> values) {
        return new EnumParam(name, values);
    }

    /** A decimal integer from {@code min} to {@code max} ({@code 0 <= min <= max}). */
    static IntegerParam integer(String name, long min, long max) {
        return new IntegerParam(name, min, max);
    }

    /** A path inside one of {@code folders} (absolute, normalized), the folders of root {@code root}. */
    static PathParam path(String name, String root, List<Path> folders) {
        return new PathParam(name, root, folders);
    }
}
