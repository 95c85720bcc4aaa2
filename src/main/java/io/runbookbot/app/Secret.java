package io.runbookbot.app;

import java.util.Objects;

/**
 * A token or signing secret. {@link #toString()} never shows the value, only a known prefix
 * ({@code xoxb-****}), so a secret cannot reach a log line by accident.
 */
public final class Secret {
    private final String value;
    private final String shownPrefix;

    Secret(String value, String shownPrefix) {
        this.value = Objects.requireNonNull(value, "value");
        this.shownPrefix = Objects.requireNonNull(shownPrefix, "shownPrefix");
    }

    /** The secret itself, for the one call that hands it to a platform client. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return shownPrefix + "****";
    }
}
