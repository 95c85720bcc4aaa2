package io.runbookbot.agent.allowlist;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decimal integer from {@code min} to {@code max}, digits only (no sign, no spaces, no
 * {@code 0x}); it reaches argv in canonical form ({@code 0080} becomes {@code 80}).
 */
public record IntegerParam(String name, long min, long max) implements ParamSpec {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

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
        if (!DIGITS.matcher(value).matches()) {
            return Checked.refused(expected + ", got " + Echo.quote(value));
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            return Checked.refused(expected + ", got " + Echo.quote(value));
        }
        return Checked.ok(Long.toString(parsed));
    }
}
