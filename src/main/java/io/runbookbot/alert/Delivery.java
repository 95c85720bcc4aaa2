package io.runbookbot.alert;

import java.util.Objects;
import java.util.Optional;

/**
 * How a message handed to {@link ChatPacer} ended: posted after {@code attempts} calls, or given up,
 * with the incident id that the log line saying why carries too.
 */
public record Delivery(String channel, boolean posted, int attempts, Optional<String> incidentId, String reason) {
    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(reason, "reason");
    }

    static Delivery posted(String channel, int attempts) {
        return new Delivery(channel, true, attempts, Optional.empty(), "posted");
    }

    static Delivery gaveUp(String channel, int attempts, String incidentId, String reason) {
        return new Delivery(channel, false, attempts, Optional.of(incidentId), reason);
    }
}
