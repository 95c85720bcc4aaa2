package io.runbookbot.agent.allowlist;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ArgumentValidator} decided about a request: the argv to run, or why not.
 */
public sealed interface Validation {

    /** The request is allowed; {@code argv} is the entry's template with checked values filled in. */
    record Accepted(List<String> argv) implements Validation {
        public Accepted {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv must not be empty");
            }
        }
    }

    /** The request is refused; {@code reason} is written for the person who asked. */
    record Rejected(String reason) implements Validation {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
