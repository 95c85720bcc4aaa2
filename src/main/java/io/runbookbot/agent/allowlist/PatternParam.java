package io.runbookbot.agent.allowlist;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value that must match a regular expression in full, after the strict shared checks (printable
 * ASCII, no spaces, no shell metacharacters, no leading {@code -}).
 *
 * @param maxLength longest accepted value, 1 to 256
 */
public record PatternParam(String name, Pattern pattern, int maxLength) implements ParamSpec {
    public PatternParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        if (maxLength < 1 || maxLength > ValueChecks.MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be 1-" + ValueChecks.MAX_LENGTH);
        }
    }

    @Override
    public Optional<String> reject(String value) {
        return check(value).rejection();
    }

    @Override
    public String describe() {
        return "text matching " + pattern.pattern() + " (at most " + maxLength + " characters)";
    }

    Checked check(String value) {
        Optional<String> shared = ValueChecks.strict(name, value, maxLength);
        if (shared.isPresent()) {
            return Checked.refused(shared.get());
        }
        if (!pattern.matcher(value).matches()) {
            return Checked.refused(name + ": " + Echo.quote(value) + " does not match " + pattern.pattern());
        }
        return Checked.ok(value);
    }
}
