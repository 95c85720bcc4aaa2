package io.runbookbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code diagnostics} and the suggestions of {@code ask}, with the shipped allowlist and
 * runbooks on purpose: these are the README's commands, run from the project folder with no flags.
 */
class RunCommandIT {
    @TempDir
    Path dir;

    @Test
    void runsAShippedDiagnosticOnThisHostAndPrintsItsOutput() {
        CliRun run = CliRun.of("run", "memory", "--audit-log", audit());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Mem:");
        assertThat(run.err()).contains("memory on local exited 0");
    }

    @Test
    void refusesAHostileParameterWithExitCode2AndAReasonNamingIt() throws IOException {
        CliRun run = CliRun.of("run", "listening-port", "port=80;reboot", "--audit-log", audit());

        assertThat(run.exitCode()).isEqualTo(RunCommand.REFUSED);
        assertThat(run.err()).contains("port: must be an integer from 1 to 65535");
        assertThat(Files.readString(Path.of(audit()))).contains("\"decision\":\"invalid\"");
    }

    @Test
    void refusesAnUnknownCommandAndAMalformedParameter() {
        assertThat(CliRun.of("run", "rm", "--audit-log", audit()).err()).contains("Unknown diagnostic \"rm\"");
        assertThat(CliRun.of("run", "memory", "oops", "--audit-log", audit()).err())
                .contains("key=value");
    }

    @Test
    void namesTheAgentsItKnowsWhenAskedForAnUnknownOne() {
        CliRun run = CliRun.of("run", "memory", "--agent", "web-9", "--audit-log", audit());

        assertThat(run.exitCode()).isEqualTo(RunCommand.REFUSED);
        assertThat(run.err()).contains("Unknown agent \"web-9\"; known: local.");
    }

    @Test
    void listsTheShippedDiagnosticsWithTheirParameters() {
        CliRun run = CliRun.of("diagnostics");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("16 diagnostics in runbooks/allowlist.yaml")
                .contains("listening-port")
                .contains("port: integer 1-65535");
    }

    @Test
    void explainsABrokenAllowlistByFileEntryAndField() throws IOException {
        Path broken = dir.resolve("allowlist.yaml");
        Files.writeString(
                broken, "version: 1\ncommands:\n  - id: x\n    description: d\n    argv: [df]\n    read-only: true\n");

        CliRun run = CliRun.of("diagnostics", "--allowlist", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("allowlist.yaml").contains("commands[0]").contains("read-only");
    }

    @Test
    void askSuggestsTheDiagnosticsOfTheAnswersCommands() {
        CliRun run = CliRun.of("ask", "uvicorn won't start: [Errno 98] Address already in use");

        assertThat(run.out())
                .contains("Diagnostics you can run (allowlisted):")
                .contains("runbook-bot run listening-port port=5000");
    }

    private String audit() {
        return dir.resolve("audit.jsonl").toString();
    }
}
