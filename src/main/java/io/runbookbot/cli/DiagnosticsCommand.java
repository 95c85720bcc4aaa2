package io.runbookbot.cli;

import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticCommand;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code diagnostics}: what may be run, with its parameters, as the engine lists it to a chat. */
@Command(
        name = "diagnostics",
        mixinStandardHelpOptions = true,
        description = "List the allowlisted diagnostics and their parameters.")
public final class DiagnosticsCommand implements Callable<Integer> {
    private final TerminalBot.Factory bots;

    @Mixin
    DiagnosticsOptions options;

    @Spec
    CommandSpec spec;

    public DiagnosticsCommand(TerminalBot.Factory bots) {
        this.bots = bots;
    }

    @Override
    public Integer call() {
        String file = options.allowlistFile().toString(); // none: say where it was looked for
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit;
        try (TerminalBot bot = bots.open(spec, new TerminalBot.Needs(false, 1, false, false, 1))) {
            exit = bot.engine()
                    .reply(Caller.LOCAL_OPERATOR, new BotRequest.ListDiagnostics())
                    .join()
                    .accept(new TerminalReplies(out, err) {
                        @Override
                        public Integer diagnostics(BotReply.DiagnosticList list) {
                            out.printf(
                                    "%d diagnostics in %s:%n", list.commands().size(), file);
                            for (DiagnosticCommand c : list.commands()) {
                                out.printf(
                                        "  %-18s %s%s%n",
                                        c.id(),
                                        c.description(),
                                        c.readOnly() ? "" : "  (changes something: needs --yes)");
                                c.paramLines().forEach(p -> out.printf("  %-18s   %s%n", "", p));
                            }
                            out.println("Run one with: runbook-bot run ID key=value ... [--agent NAME]");
                            return 0;
                        }
                    });
        }
        out.flush();
        err.flush();
        return exit;
    }
}
