package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.EnumParam;
import io.runbookbot.agent.allowlist.IntegerParam;
import io.runbookbot.agent.allowlist.ParamSpec;
import io.runbookbot.agent.allowlist.PathParam;
import io.runbookbot.core.DiagnosticParam;
import java.util.List;

/** An allowlist parameter as a chat form shows it: a choice list, a number range or free text. */
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
}
