package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.EnumParam;
import io.runbookbot.agent.allowlist.IntegerParam;
import io.runbookbot.agent.allowlist.ParamSpec;
import io.runbookbot.agent.allowlist.PathParam;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.redact.Redactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An allowlist parameter as a chat form shows it (a choice list, a number range or free text), and
 * what the allowlist says about each value a form sends back.
 */
final class FormParams {
    private FormParams() {}

    /** What a form needs to ask for the parameter; the agent checks the value again either way. */
    static DiagnosticParam of(ParamSpec p) {
        if (p instanceof EnumParam e) {
            return new DiagnosticParam(p.name(), DiagnosticParam.Kind.CHOICE, p.describe(), e.values(), 0, 0);
        }
        if (p instanceof IntegerParam i) {
            return new DiagnosticParam(
                    p.name(), DiagnosticParam.Kind.INTEGER, p.describe(), List.of(), i.min(), i.max());
        }
        DiagnosticParam.Kind kind = p instanceof PathParam ? DiagnosticParam.Kind.PATH : DiagnosticParam.Kind.TEXT;
        return new DiagnosticParam(p.name(), kind, p.describe(), List.of(), 0, 0);
    }

    /**
     * Each of the entry's parameters whose value is missing or refused, with the allowlist's own
     * reason ({@link ArgumentValidator#rejection}), redacted; parameters the entry does not declare are
     * left to the run, which refuses them, and so is an unknown entry (empty {@code spec}).
     */
    static Map<String, String> rejected(Optional<CommandSpec> spec, Map<String, String> params) {
        Map<String, String> rejected = new LinkedHashMap<>();
        spec.stream().flatMap(s -> s.params().values().stream()).forEach(p -> {
            String value = params.get(p.name());
            if (value == null) {
                rejected.put(p.name(), p.name() + ": missing (" + p.describe() + ")");
            } else {
                ArgumentValidator.rejection(p, value).ifPresent(r -> rejected.put(p.name(), Redactor.redact(r)));
            }
        });
        return rejected;
    }
}
