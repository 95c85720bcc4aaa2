package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.RunResult;
import java.util.Objects;

/** How a {@link CommandExecutor} dealt with a run request. */
public sealed interface RunOutcome {

    /** The command ran (whatever its exit code): 200. */
    record Completed(RunResult result) implements RunOutcome {
        public Completed {
            Objects.requireNonNull(result, "result");
        }
    }

    /** No allowlist entry has this id: 404 {@code unknown_command}. */
    record UnknownCommand(String reason) implements RunOutcome {
        public UnknownCommand {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A parameter is missing, unexpected or fails its check: 400 {@code invalid_params}. */
    record InvalidParams(String reason) implements RunOutcome {
        public InvalidParams {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The concurrency limit is full: 429 {@code busy}. */
    record Busy(String reason) implements RunOutcome {
        public Busy {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
