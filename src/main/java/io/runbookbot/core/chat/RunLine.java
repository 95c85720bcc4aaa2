package io.runbookbot.core.chat;

import io.runbookbot.core.DiagnosticReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What a Run or Confirm click leaves on the answer it was made on, for everyone in the channel:
 * "`disk-usage` on web-1 ran by <@U1> at 10:42 UTC: exit 0". The front ends put it under the
 * buttons (Slack) or in a field of the embed (Discord); both write mentions as {@code <@id>}.
 */
public final class RunLine {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private RunLine() {}

    /** The line for a diagnostic's reply to {@code userId}; empty for any other reply. */
    public static Optional<String> of(BotReply reply, String userId, Instant at) {
        String who = " by <@" + userId + "> at " + TIME.format(at) + " UTC";
        return reply.accept(new BotReply.Partial<Optional<String>>() {
            @Override
            public Optional<String> otherwise() {
                return Optional.empty();
            }

            @Override
            public Optional<String> diagnostic(BotReply.Diagnostic diagnostic) {
                return Optional.of(diagnostic.report().accept(new Lines(who)));
            }
        });
    }

    /** "`id` on agent ran by ... : exit 0", "refused by ...", "asked by ..., waiting for confirmation". */
    private record Lines(String who) implements DiagnosticReport.Visitor<String> {
        private static String what(DiagnosticReport r) {
            return "`" + r.commandId() + "` on " + r.agent();
        }

        @Override
        public String ran(DiagnosticReport.Ran ran) {
            return what(ran) + " ran" + who + ": " + (ran.timedOut() ? "timed out" : "exit " + ran.exitCode());
        }

        @Override
        public String refused(DiagnosticReport.Refused refused) {
            return what(refused) + " refused" + who;
        }

        @Override
        public String needsConfirmation(DiagnosticReport.NeedsConfirmation pending) {
            return what(pending) + " asked" + who + ", waiting for confirmation";
        }
    }
}
