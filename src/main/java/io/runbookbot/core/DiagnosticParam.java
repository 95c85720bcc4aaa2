package io.runbookbot.core;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of an allowlisted diagnostic, as a form asks for it.
 *
 * @param accepts what the allowlist accepts, for people ("integer 1-65535", "one of: a, b")
 * @param choices the accepted values when the parameter is an enumeration, else empty
 * @param min     the smallest accepted value of an {@link Kind#INTEGER} parameter, else 0
 * @param max     the largest accepted value of an {@link Kind#INTEGER} parameter, else 0
 */
public record DiagnosticParam(String name, Kind kind, String accepts, List<String> choices, long min, long max) {
    /** How a form should ask for the value; the agent checks it again either way. */
    public enum Kind {
        TEXT,
        CHOICE,
        INTEGER,
        PATH
    }

    public DiagnosticParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accepts, "accepts");
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice parameter needs its choices");
        }
    }

    /** A parameter known only by its description, such as one an agent reported. */
    public static DiagnosticParam text(String name, String accepts) {
        return new DiagnosticParam(name, Kind.TEXT, accepts, List.of(), 0, 0);
    }

    /** "port: integer 1-65535", the way listings show it. */
    public String line() {
        return name + ": " + accepts;
    }
}
