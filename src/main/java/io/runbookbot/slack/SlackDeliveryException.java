package io.runbookbot.slack;

/** Neither an answer nor the notice that replaces it reached Slack; the incident id is logged. */
final class SlackDeliveryException extends Exception {
    private final String incident;

    SlackDeliveryException(String incident, String message) {
        super(message);
        this.incident = incident;
    }

    String incident() {
        return incident;
    }
}
