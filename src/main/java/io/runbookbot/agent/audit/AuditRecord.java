package io.runbookbot.agent.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One audit line. Text fields are cut to {@value #MAX_CHARS} characters (marked with a trailing
 * {@code …}) and at most {@value #MAX_PARAMS} parameters are kept, so a hostile request cannot
 * bloat the log. Never put a secret or a signature in any field.
 *
 * @param time           when the request was decided (UTC, millisecond precision)
 * @param who            the person who asked, as the bot named them; "-" when unknown
 * @param where          the chat channel; "-" when unknown or not applicable
 * @param agent          the agent that ran (or would run) the command
 * @param peer           the network address the request came from (agent side), or "-"
 * @param command        the allowlist id asked for, "" when the request could not be read
 * @param params         parameter values as given
 * @param exitCode       the exit code when the command ran, else null
 * @param durationMillis wall time of the run, 0 when nothing ran
 * @param outputBytes    bytes of output returned, 0 when nothing ran
 * @param reason         why it was refused or failed, "" when it ran
 * @param runId          ties the {@link Decision#STARTED} line of a run to its finished line; "" for
 *                       requests that did not start a run
 * @param timedOut       the run was killed at its timeout
 */
public record AuditRecord(
        Instant time,
        String who,
        String where,
        String agent,
        String peer,
        String command,
        Map<String, String> params,
        Decision decision,
        @Nullable Integer exitCode,
        long durationMillis,
        long outputBytes,
        String reason,
        String runId,
        boolean timedOut) {
    public static final int MAX_CHARS = 200;
    public static final int MAX_PARAMS = 50;
    private static final int MAX_REASON_CHARS = 500;

    public AuditRecord {
        time = time.truncatedTo(ChronoUnit.MILLIS);
        who = cut(who, MAX_CHARS);
        where = cut(where, MAX_CHARS);
        agent = cut(agent, MAX_CHARS);
        peer = cut(peer, MAX_CHARS);
        command = cut(command, MAX_CHARS);
        params = cutParams(params);
        Objects.requireNonNull(decision, "decision");
        reason = cut(reason, MAX_REASON_CHARS);
        runId = cut(runId, MAX_CHARS);
    }

    public static Builder builder(Decision decision) {
        return new Builder(decision);
    }

    static String cut(String value, int max) {
        Objects.requireNonNull(value);
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "…";
    }

    private static Map<String, String> cutParams(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (out.size() == MAX_PARAMS) {
                break;
            }
            out.put(cut(e.getKey(), MAX_CHARS), cut(e.getValue(), MAX_CHARS));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Builds a record; every field but the decision has a neutral default. */
    public static final class Builder {
        private final Decision decision;
        private Instant time = Instant.now();
        private String who = "-";
        private String where = "-";
        private String agent = "-";
        private String peer = "-";
        private String command = "";
        private Map<String, String> params = Map.of();
        private @Nullable Integer exitCode;
        private long durationMillis;
        private long outputBytes;
        private String reason = "";
        private String runId = "";
        private boolean timedOut;

        private Builder(Decision decision) {
            this.decision = Objects.requireNonNull(decision, "decision");
        }

        public Builder time(Instant value) {
            time = value;
            return this;
        }

        public Builder who(String value) {
            who = value;
            return this;
        }

        public Builder where(String value) {
            where = value;
            return this;
        }

        public Builder agent(String value) {
            agent = value;
            return this;
        }

        public Builder peer(String value) {
            peer = value;
            return this;
        }

        public Builder command(String value) {
            command = value;
            return this;
        }

        public Builder params(Map<String, String> value) {
            params = new LinkedHashMap<>(value);
            return this;
        }

        /** The outcome of a run: exit code, duration and output size. */
        public Builder ran(int exit, long millis, long bytes) {
            exitCode = exit;
            durationMillis = millis;
            outputBytes = bytes;
            return this;
        }

        /** Time spent when nothing ran to completion (e.g. waiting for an agent that never answered). */
        public Builder duration(long millis) {
            durationMillis = millis;
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        /** The id shared by the started and the finished line of one run. */
        public Builder runId(String value) {
            runId = value;
            return this;
        }

        public Builder timedOut(boolean value) {
            timedOut = value;
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(
                    time,
                    who,
                    where,
                    agent,
                    peer,
                    command,
                    params,
                    decision,
                    exitCode,
                    durationMillis,
                    outputBytes,
                    reason,
                    runId,
                    timedOut);
        }
    }
}
