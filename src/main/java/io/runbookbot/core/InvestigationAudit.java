package io.runbookbot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Port: where every tool call of an investigation is recorded, whatever its outcome (run, refused,
 * bad arguments, over the limit). Implementations write the record before returning.
 */
public interface InvestigationAudit {

    /** Records nothing (tests, and a bot without an investigation log). */
    InvestigationAudit NONE = entry -> {};

    void record(Entry entry);

    /**
     * One tool call.
     *
     * @param time          when it was handled
     * @param investigation the id of the investigation (one per symptom asked)
     * @param caller        {@link Caller#qualifiedUserId()} of the person who asked
     * @param channel       the channel they asked in
     * @param symptom       the symptom as asked (redacted, cut short)
     * @param tool          the tool name the model asked for, as sent (untrusted)
     * @param arguments     the arguments as sent (untrusted, cut short)
     * @param outcome       what the bot did: a short sentence ("ran: exit 0", "refused: ...")
     */
    record Entry(
            Instant time,
            String investigation,
            String caller,
            String channel,
            String symptom,
            String tool,
            String arguments,
            String outcome) {
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(investigation, "investigation");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(symptom, "symptom");
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
