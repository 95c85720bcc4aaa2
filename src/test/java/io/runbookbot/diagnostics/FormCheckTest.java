package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.allowlist;
import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.ArgumentValidator;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.ParamSpec;
import io.runbookbot.agent.allowlist.Validation;
import io.runbookbot.core.DiagnosticCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chat form learns, field by field, what the allowlist refuses, in the words a run would use. */
class FormCheckTest {
    private static final CommandSpec UNIT_STATUS = spec("unit-status", params(), List.of());
    private final DiagnosticsService service =
            DiagnosticsService.builder(allowlist(Access.NOBODY, UNIT_STATUS)).build();

    private static Map<String, ParamSpec> params() {
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        params.put("unit", ParamSpec.oneOf("unit", List.of("nginx", "postgres")));
        params.put("port", ParamSpec.integer("port", 1, 65_535));
        params.put("host", ParamSpec.pattern("host", "[a-z.]+", 64));
        return params;
    }

    private static DiagnosticCall call(String unit, String port, String host) {
        return new DiagnosticCall("local", "unit-status", Map.of("unit", unit, "port", port, "host", host));
    }

    @Test
    void eachRefusedFieldIsNamedWithTheReasonTheAllowlistGivesWhenItRuns() {
        DiagnosticCall call = call("apache", "0080", "db.internal");

        Map<String, String> invalid = service.invalidParams(call);

        assertThat(invalid).containsOnlyKeys("unit", "port");
        assertThat(invalid.get("port")).startsWith("port: must be an integer from 1 to 65535");
        Validation whenRun = ArgumentValidator.validate(UNIT_STATUS, call.params());
        assertThat(whenRun).isEqualTo(new Validation.Rejected(invalid.get("unit")));
    }

    @Test
    void valuesTheAllowlistAcceptsLeaveNothingToPointAt() {
        assertThat(service.invalidParams(call("nginx", "8080", "db.internal"))).isEmpty();
    }

    @Test
    void aMissingFieldIsNamedAndAnUnknownCheckIsLeftToTheRunToRefuse() {
        DiagnosticCall missing = new DiagnosticCall("local", "unit-status", Map.of("unit", "nginx", "port", "80"));

        assertThat(service.invalidParams(missing)).containsOnlyKeys("host");
        assertThat(service.invalidParams(new DiagnosticCall("local", "nosuch", Map.of())))
                .isEmpty();
    }
}
