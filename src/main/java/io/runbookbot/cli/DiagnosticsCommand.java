package io.runbookbot.cli;

import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.diagnostics.DiagnosticsService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code diagnostics}: what may be run, with its parameters. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "List the allowlisted diagnostics and their parameters.")
public final class DiagnosticsCommand implements Callable<Integer> {
    @Mixin
    DiagnosticsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DiagnosticsService service = DiagnosticsService.builder(options.allowlist()).build();
        out.printf("%d diagnostics in %s:%n", service.commands().size(), options.allowlistFile());
        for (DiagnosticCommand c : service.commands()) {
            out.printf("  %-18s %s%s%n", c.id(), c.description(), c.readOnly() ? "" : "  (changes something: needs --yes)");
            c.params().forEach(p -> out.printf("  %-18s   %s%n", "", p));
        }
        out.println("Run one with: runbook-bot run ID key=value ... [--agent NAME]");
        out.flush();
        return 0;
    }
}
