package io.runbookbot.agent.allowlist;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one value: the text to put into argv, or why it was refused.
 */
record Checked(@Nullable String argValue, @Nullable String reason) {

    static Checked ok(String argValue) {
        return new Checked(argValue, null);
    }

    static Checked refused(String reason) {
        return new Checked(null, reason);
    }

    static Checked refused(Optional<String> reason, String otherwise) {
        return reason.map(Checked::refused).orElseGet(() -> ok(otherwise));
    }

    Optional<String> rejection() {
        return Optional.ofNullable(reason);
    }
}
