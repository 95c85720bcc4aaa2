package io.runbookbot.alert;

/**
 * The alert journal refuses a notification because it already holds as many as it may: the caller
 * answers 503, which Alertmanager retries, so nothing is lost while the bot catches up.
 */
public final class AlertJournalFullException extends Exception {
    private static final long serialVersionUID = 1L;

    AlertJournalFullException(String message) {
        super(message);
    }
}
