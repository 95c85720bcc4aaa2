package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.CommandDescription;
import io.runbookbot.agent.protocol.RunRequest;
import java.util.List;

/**
 * What the HTTP layer needs from the allowlist and the runner: the listing, and one validated,
 * bounded run. Implementations validate every request against their own allowlist.
 */
public interface CommandExecutor {

    /** The commands that may be run, in allowlist order. */
    List<CommandDescription> list();

    /**
     * Validates and runs one request. Never throws for a refused request: it returns the refusal.
     * {@code beforeStart} (which writes the audit's started line) is called after validation, once
     * a run slot is held, before anything is started; an exception from it propagates and nothing runs.
     */
    RunOutcome run(RunRequest request, Runnable beforeStart);
}
