package io.runbookbot.diagnostics;

import static io.runbookbot.diagnostics.TestAllowlists.allowlist;
import static io.runbookbot.diagnostics.TestAllowlists.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.runbookbot.agent.allowlist.Access;
import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.chat.BotReply;
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
    void someoneWhoMayRunNothingIsToldHowToGetAccess() {
        List<DiagnosticCommand> none = service.commands(new Caller("slack", "U3", List.of(), "C1"));

        assertThat(none).isEmpty();
        assertThat(new BotReply.DiagnosticList(none).text()).startsWith("No diagnostic is open to you here.");
    }
}
