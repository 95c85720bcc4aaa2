package io.runbookbot.cli;

import io.runbookbot.agent.audit.AuditLog;
import io.runbookbot.agent.exec.CommandRunner;
import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCall;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.diagnostics.DiagnosticsService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run <id> key=value ...}: runs one allowlisted diagnostic here or on a named agent. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an allowlisted diagnostic on this host (or on --agent NAME) and print its output.")
public final class RunCommand implements Callable<Integer> {
    /** Exit codes besides the diagnostic's own. */
    static final int REFUSED = 2;
    static final int UNAVAILABLE = 4;
    static final int NEEDS_CONFIRMATION = 5;

    private final Function<String, Optional<String>> environment;

    @Mixin
    DiagnosticsOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The allowlist id (see `diagnostics`).")
    String id;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Parameters, e.g. port=8000.")
    List<String> pairs = List.of();

    @Option(names = "--agent", paramLabel = "NAME", defaultValue = Diagnostics.LOCAL,
            description = "Agent to run it on (default: ${DEFAULT-VALUE}, this host).")
    String agent;

    @Option(names = "--yes", description = "Confirm a diagnostic that changes something.")
    boolean yes;

    @Spec
    CommandSpec spec;

    public RunCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        DiagnosticCall call = new DiagnosticCall(agent, id, params(pairs));
        try (CommandRunner runner = DiagnosticsOptions.localRunner(); AuditLog audit = options.openAudit()) {
            DiagnosticsService service = options.service(environment, runner, audit);
            DiagnosticReport report = service.run(Caller.LOCAL_OPERATOR, call);
            if (yes) {
                report = confirmed(service, report);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int exit = print(report, out, err);
            out.flush();
            err.flush();
            return exit;
        }
    }

    static Map<String, String> params(List<String> pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UserFacingException("Parameters are key=value, got \"" + pair + "\" (e.g. port=8000).");
            }
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    /** With {@code --yes}: a report that needs confirmation is confirmed at once; any other is kept. */
    private static DiagnosticReport confirmed(DiagnosticsService service, DiagnosticReport report) {
        return report.accept(new DiagnosticReport.Visitor<DiagnosticReport>() {
            @Override
            public DiagnosticReport ran(DiagnosticReport.Ran ran) {
                return ran;
            }

            @Override
            public DiagnosticReport refused(DiagnosticReport.Refused refused) {
                return refused;
            }

            @Override
            public DiagnosticReport needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
                return service.confirm(Caller.LOCAL_OPERATOR, pending.token());
            }
        });
    }

    /** Prints the report and returns the exit code: the diagnostic's own when it ran. */
    private static int print(DiagnosticReport report, PrintWriter out, PrintWriter err) {
        return report.accept(new DiagnosticReport.Visitor<Integer>() {
            @Override
            public Integer ran(DiagnosticReport.Ran ran) {
                out.print(ran.stdout());
                if (!ran.stderr().isEmpty()) {
                    err.print(ran.stderr());
                }
                err.println("[" + ran.message() + (ran.truncated() ? "; output cut at the cap" : "") + "]");
                return ran.exitCode() >= 0 && ran.exitCode() < 256 ? ran.exitCode() : 1;
            }

            @Override
            public Integer needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
                err.println(pending.message() + " Re-run with --yes to confirm.");
                return NEEDS_CONFIRMATION;
            }

            @Override
            public Integer refused(DiagnosticReport.Refused refused) {
                err.println(refused.message());
                return switch (refused.reason()) {
                    case UNAVAILABLE -> UNAVAILABLE;
                    case DENIED, INVALID, RATE_LIMITED -> REFUSED;
                };
            }
        });
    }
}
