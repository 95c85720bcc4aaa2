package io.runbookbot.agent.allowlist;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decimal integer from {@code min} to {@code max} in canonical form only: digits, no sign, no
 * spaces, no {@code 0x}, and no leading zero ({@code 0080} and {@code 010} are refused with a
 * reason, since a program may read them as octal or as something else than the value checked).
 */
public record IntegerParam(String name, long min, long max) implements ParamSpec {
    private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]{0,17}");

    public IntegerParam {
        Objects.requireNonNull(name, "name");
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + ".." + max);
        }
    }

    @Override
    public Optional<String> reject(String value) {
        return check(value).rejection();
    }

    @Override
    public String describe() {
        return "integer " + min + "-" + max;
    }

    Checked check(String value) {
        Optional<String> shared = ValueChecks.basic(name, value, ValueChecks.MAX_LENGTH);
        if (shared.isPresent()) {
            return Checked.refused(shared.get());
        }
        String expected = name + ": must be an integer from " + min + " to " + max;
        if (value.length() > 1 && value.charAt(0) == '0' && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Checked.refused(expected + " without leading zeros, got " + Echo.quote(value));
        }
        if (!DIGITS.matcher(value).matches()) {
            return Checked.refused(expected + ", got " + Echo.quote(value));
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            return Checked.refused(expected + ", got " + Echo.quote(value));
        }
        return Checked.ok(value);
    }
}
