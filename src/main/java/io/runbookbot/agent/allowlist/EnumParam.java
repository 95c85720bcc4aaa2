package io.runbookbot.agent.allowlist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value that must equal one of the listed values exactly. Listed values may contain spaces
 * ({@code "1 hour ago"}): they come from the reviewed file, not from the person asking.
 */
public record EnumParam(String name, List<String> values) implements ParamSpec {
    public EnumParam {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
    }

    @Override
    public Optional<String> reject(String value) {
        return check(value).rejection();
    }

    @Override
    public String describe() {
        return "one of: " + String.join(", ", values);
    }

    Checked check(String value) {
        Optional<String> shared = ValueChecks.basic(name, value, ValueChecks.MAX_LENGTH);
        if (shared.isPresent()) {
            return Checked.refused(shared.get());
        }
        if (!values.contains(value)) {
            return Checked.refused(name + ": " + Echo.quote(value) + " is not one of: " + String.join(", ", values));
        }
        return Checked.ok(value);
    }
}
