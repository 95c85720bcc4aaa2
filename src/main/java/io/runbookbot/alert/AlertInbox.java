package io.runbookbot.alert;

import java.util.Objects;

/**
 * Where an authenticated webhook body goes: checked, then durably queued before Alertmanager is
 * told it arrived, so that a crash after the answer loses nothing.
 */
@FunctionalInterface
public interface AlertInbox {
    Verdict offer(byte[] body);

    /**
     * What happened to a body, as the webhook answers it.
     *
     * @param status  200 queued; 400 the body is not a notification we take (no retry helps);
     *                503 it could not be queued now (Alertmanager retries)
     * @param message one line for the sender: what was queued or why not
     */
    record Verdict(int status, String message) {
        public Verdict {
            Objects.requireNonNull(message, "message");
        }

        public static Verdict queued(String message) {
            return new Verdict(200, message);
        }

        public static Verdict invalid(String reason) {
            return new Verdict(400, reason);
        }

        public static Verdict unavailable(String reason) {
            return new Verdict(503, reason);
        }
    }
}
