package io.runbookbot.cli;

import io.runbookbot.core.Caller;
import io.runbookbot.core.DiagnosticReport;
import io.runbookbot.core.Diagnostics;
import io.runbookbot.core.UserFacingException;
import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.BotRequest;
import io.runbookbot.core.chat.ChatEngine;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run <id> key=value ...}: runs one allowlisted diagnostic here or on a named agent. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run an allowlisted diagnostic on this host (or on --agent NAME) and print its output.")
public final class RunCommand implements Callable<Integer> {
    /** Exit codes besides the diagnostic's own. */
    static final int REFUSED = 2;

    static final int UNAVAILABLE = 4;
    static final int NEEDS_CONFIRMATION = 5;

    private final TerminalBot.Factory bots;

    @Mixin
    DiagnosticsOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The allowlist id (see `diagnostics`).")
    String id;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Parameters, e.g. port=8000.")
    List<String> pairs = List.of();

    @Option(
            names = "--agent",
            paramLabel = "NAME",
            defaultValue = Diagnostics.LOCAL,
            description = "Agent to run it on (default: ${DEFAULT-VALUE}, this host).")
    String agent;

    @Option(names = "--yes", description = "Confirm a diagnostic that changes something.")
    boolean yes;

    @Spec
    CommandSpec spec;

    public RunCommand(TerminalBot.Factory bots) {
        this.bots = bots;
    }

    @Override
    public Integer call() {
        BotRequest run = new BotRequest.RunDiagnostic(agent, id, params(pairs));
        options.allowlistFile(); // none: say where it was looked for, before anything opens
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit;
        try (TerminalBot bot = bots.open(spec, TerminalBot.Needs.RUNS)) {
            BotReply reply = bot.engine().reply(Caller.LOCAL_OPERATOR, run).join();
            exit = (yes ? confirmed(bot.engine(), reply) : reply).accept(new Printer(out, err));
        }
        out.flush();
        err.flush();
        return exit;
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

    /** With {@code --yes}: a report that needs confirmation is confirmed at once; any other reply is kept. */
    private static BotReply confirmed(ChatEngine engine, BotReply reply) {
        return reply.accept(new BotReply.Partial<BotReply>() {
            @Override
            public BotReply otherwise() {
                return reply;
            }

            @Override
            public BotReply diagnostic(BotReply.Diagnostic diagnostic) {
                return diagnostic.report().accept(new DiagnosticReport.Visitor<BotReply>() {
                    @Override
                    public BotReply ran(DiagnosticReport.Ran ran) {
                        return reply;
                    }

                    @Override
                    public BotReply refused(DiagnosticReport.Refused refused) {
                        return reply;
                    }

                    @Override
                    public BotReply needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
                        return engine.reply(Caller.LOCAL_OPERATOR, new BotRequest.Confirm(pending.token()))
                                .join();
                    }
                });
            }
        });
    }

    /** Prints the report and gives the exit code: the diagnostic's own when it ran. */
    private static final class Printer extends TerminalReplies {
        Printer(PrintWriter out, PrintWriter err) {
            super(out, err);
        }

        @Override
        public Integer diagnostic(BotReply.Diagnostic diagnostic) {
            return diagnostic.report().accept(new DiagnosticReport.Visitor<Integer>() {
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
}
