package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.allowlist;
import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.agent.allowlist.ParamSpec;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.DiagnosticParam;
import io.runbookbot.core.chat.BotReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "diagnostics" in chat lists what the caller may run from where they ask, nothing more. */
class DiagnosticsListTest {
    private static final CommandSpec DISK = spec("disk-usage", Map.of(), List.of("df -h"));
    private static final CommandSpec LOGS =
            spec("log-tail", true, Map.of(), List.of(), new Access(List.of(), List.of("dev"), List.of()));
    private final DiagnosticsService service = DiagnosticsService.builder(
                    allowlist(new Access(List.of(), List.of("oncall"), List.of()), DISK, LOGS))
            .build();

    private List<String> ids(Caller caller) {
        return service.commands(caller).stream().map(DiagnosticCommand::id).toList();
    }

    @Test
    void eachCallerSeesWhatTheyMayRun() {
        assertThat(ids(new Caller("slack", "U1", List.of("oncall"), "C1"))).containsExactly("disk-usage", "log-tail");
        assertThat(ids(new Caller("slack", "U2", List.of("dev"), "C1"))).containsExactly("log-tail");
        assertThat(ids(Caller.LOCAL_OPERATOR)).containsExactly("disk-usage", "log-tail");
        assertThat(service.commands()).hasSize(2);
    }

    @Test
    void formsLearnEachParametersKindChoicesAndRange() {
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        params.put("unit", ParamSpec.oneOf("unit", List.of("nginx", "postgres")));
        params.put("port", ParamSpec.integer("port", 1, 65_535));
        params.put("host", ParamSpec.pattern("host", "[a-z.]+", 64));
        DiagnosticsService withParams = DiagnosticsService.builder(
                        allowlist(Access.NOBODY, spec("unit-status", params, List.of())))
                .build();

        List<DiagnosticParam> form = withParams.commands().get(0).params();

        assertThat(form)
                .extracting(DiagnosticParam::kind)
                .containsExactly(DiagnosticParam.Kind.CHOICE, DiagnosticParam.Kind.INTEGER, DiagnosticParam.Kind.TEXT);
        assertThat(form.get(0).choices()).containsExactly("nginx", "postgres");
        assertThat(form.get(1).min()).isEqualTo(1);
        assertThat(form.get(1).max()).isEqualTo(65_535);
        assertThat(withParams.commands().get(0).paramLines()).first().isEqualTo("unit: one of: nginx, postgres");
    }

    @Test
    void someoneWhoMayRunNothingIsToldHowToGetAccess() {
        List<DiagnosticCommand> none = service.commands(new Caller("slack", "U3", List.of(), "C1"));

        assertThat(none).isEmpty();
        assertThat(new BotReply.DiagnosticList(none).text()).startsWith("No diagnostic is open to you here.");
    }
}
