package io.runbookbot.agent.audit;

import java.util.Locale;

/** What happened to a request, as written in the audit log ({@code "allowed"}, {@code "denied"}, ...). */
public enum Decision {
    /**
     * About to run: written and forced to disk before the process is started (nothing runs when
     * this line cannot be written); its {@code run_id} reappears on the {@link #ALLOWED} line.
     */
    STARTED,
    /** Ran (whatever its exit code); for a run with a started line, the finished line. */
    ALLOWED,
    /** Refused by policy or by the allowlist (unknown command). */
    DENIED,
    /** Malformed request or parameters that failed validation. */
    INVALID,
    /** Missing, bad, stale or replayed signature. */
    UNAUTHORIZED,
    /** The concurrency or rate limit was full. */
    BUSY,
    /** An internal failure or an unreachable agent. */
    ERROR,
    /** A side-effecting command waiting for the asker's confirmation. */
    CONFIRMATION_REQUIRED;

    /** The lower-case name written to the log. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
