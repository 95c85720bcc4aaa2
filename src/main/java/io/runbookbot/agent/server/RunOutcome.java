package io.runbookbot.agent.server;

import io.runbookbot.agent.protocol.RunResult;
import java.util.Objects;

/**
 * How a {@link CommandExecutor} dealt with a run request. Read it with a {@link Visitor}, so a new
 * outcome does not compile until the handler answers it.
 */
public sealed interface RunOutcome {

    <R> R accept(Visitor<R> visitor);

    /** One method per outcome. */
    interface Visitor<R> {
        R completed(Completed completed);

        R unknownCommand(UnknownCommand unknown);

        R invalidParams(InvalidParams invalid);

        R busy(Busy busy);
    }

    /** The command ran (whatever its exit code): 200. */
    record Completed(RunResult result) implements RunOutcome {
        public Completed {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.completed(this);
        }
    }

    /** No allowlist entry has this id: 404 {@code unknown_command}. */
    record UnknownCommand(String reason) implements RunOutcome {
        public UnknownCommand {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unknownCommand(this);
        }
    }

    /** A parameter is missing, unexpected or fails its check: 400 {@code invalid_params}. */
    record InvalidParams(String reason) implements RunOutcome {
        public InvalidParams {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invalidParams(this);
        }
    }

    /** The concurrency limit is full: 429 {@code busy}. */
    record Busy(String reason) implements RunOutcome {
        public Busy {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.busy(this);
        }
    }
}
