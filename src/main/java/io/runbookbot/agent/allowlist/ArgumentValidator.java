package io.runbookbot.agent.allowlist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a request against an allowlist entry and builds the argv to run. Deny by default: an
 * unknown command, an unknown or missing parameter, or any value its {@link ParamSpec} refuses
 * gives a {@link Validation.Rejected} whose reason names the parameter and shows at most
 * {@value Echo#MAX_SHOWN} escaped characters of the value.
 */
public final class ArgumentValidator {

    private ArgumentValidator() {}

    /** Looks the entry up by id, then {@link #validate(CommandSpec, Map)}. */
    public static Validation validate(Allowlist allowlist, String id, Map<String, String> params) {
        Objects.requireNonNull(allowlist, "allowlist");
        Objects.requireNonNull(id, "id");
        Optional<CommandSpec> spec = allowlist.find(id);
        if (spec.isEmpty()) {
            return new Validation.Rejected("unknown command " + Echo.quote(id) + ": it is not in the allowlist");
        }
        return validate(spec.get(), params);
    }

    /**
     * Unknown parameters are refused first, then missing ones (every parameter is required), then
     * each value in declaration order; the first problem is the reason.
     */
    public static Validation validate(CommandSpec spec, Map<String, String> params) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(params, "params");
        Optional<String> shape = checkNames(spec, params);
        if (shape.isPresent()) {
            return new Validation.Rejected(shape.get());
        }
        Map<String, String> argValues = new HashMap<>();
        for (ParamSpec param : spec.params().values()) {
            Checked checked = check(param, params.get(param.name()));
            if (checked.reason() != null) {
                return new Validation.Rejected(checked.reason());
            }
            argValues.put(param.name(), Objects.requireNonNull(checked.argValue()));
        }
        List<String> argv = new ArrayList<>(spec.argv().size());
        List<Validation.FileArgument> files = new ArrayList<>();
        for (String element : spec.argv()) {
            Map<String, Path> paths = new HashMap<>();
            for (String name : Placeholders.names(element)) {
                if (spec.params().get(name) instanceof PathParam) {
                    paths.put(name, Path.of(argValues.get(name)));
                }
            }
            if (!paths.isEmpty() && spec.readOnly()) {
                files.add(new Validation.FileArgument(argv.size(), element, argValues, paths));
            }
            argv.add(Placeholders.substitute(element, argValues));
        }
        return new Validation.Accepted(argv, files);
    }

    /**
     * Why {@code value} is refused for {@code param}, in the words {@link #validate} uses; empty when
     * it is accepted. For a form that shows each field's problem at once.
     */
    public static Optional<String> rejection(ParamSpec param, String value) {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(value, "value");
        return check(param, value).rejection();
    }

    private static Optional<String> checkNames(CommandSpec spec, Map<String, String> params) {
        TreeSet<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(spec.params().keySet());
        if (!unknown.isEmpty()) {
            String accepted = spec.params().isEmpty()
                    ? "none"
                    : String.join(", ", spec.params().keySet());
            return Optional.of("unknown parameter " + Echo.quote(unknown.first()) + " for " + spec.id() + " (accepted: "
                    + accepted + ")");
        }
        for (ParamSpec param : spec.params().values()) {
            if (params.get(param.name()) == null) {
                return Optional.of(
                        "missing parameter " + param.name() + " for " + spec.id() + " (" + param.describe() + ")");
            }
        }
        return Optional.empty();
    }

    private static Checked check(ParamSpec param, String value) {
        if (param instanceof PatternParam p) {
            return p.check(value);
        }
        if (param instanceof EnumParam p) {
            return p.check(value);
        }
        if (param instanceof IntegerParam p) {
            return p.check(value);
        }
        if (param instanceof PathParam p) {
            return p.check(value);
        }
        // another ParamSpec implementation: its own check plus the strict shared checks
        Optional<String> reason =
                ValueChecks.strict(param.name(), value, ValueChecks.MAX_LENGTH).or(() -> param.reject(value));
        return Checked.refused(reason, value);
    }
}
