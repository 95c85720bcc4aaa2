package io.runbookbot.cli;

import io.runbookbot.core.chat.BotReply;
import io.runbookbot.core.chat.InvestigationText;
import java.io.PrintWriter;

/**
 * The terminal front end's rendering of the engine's replies: each command prints the replies it
 * expects and says plainly when the bot answered with something else. Returns the exit code.
 */
abstract class TerminalReplies implements BotReply.Visitor<Integer> {
    /** A sentence instead of what was asked for: a refusal, a bad setting, a failure with its incident id. */
    static final int SENTENCE = 2;

    final PrintWriter out;
    final PrintWriter err;

    TerminalReplies(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer section(BotReply.SectionAnswer answer) {
        return unexpected(answer);
    }

    @Override
    public Integer noMatch(BotReply.NoMatch none) {
        return unexpected(none);
    }

    @Override
    public Integer investigated(BotReply.Investigated investigated) {
        out.println(InvestigationText.plain(investigated.investigation()));
        return 0;
    }

    @Override
    public Integer diagnostic(BotReply.Diagnostic diagnostic) {
        return unexpected(diagnostic);
    }

    @Override
    public Integer diagnostics(BotReply.DiagnosticList list) {
        return unexpected(list);
    }

    /** A sentence from the bot (an error for this command): on standard error, as the CLI's own errors are. */
    @Override
    public Integer text(BotReply.Text text) {
        err.println("runbook-bot: " + text.text());
        return SENTENCE;
    }

    private int unexpected(BotReply reply) {
        err.println("runbook-bot: unexpected " + reply.getClass().getSimpleName() + " reply");
        return 1;
    }
}
