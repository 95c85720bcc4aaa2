package io.runbookbot.agent.allowlist;

import java.util.Optional;

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
}
