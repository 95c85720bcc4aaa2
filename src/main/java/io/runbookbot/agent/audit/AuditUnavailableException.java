package io.runbookbot.agent.audit;

import java.io.IOException;

/**
 * The "started" line of a run could not be written (audit file unwritable, disk full): the run is
 * refused, never done unaudited. The message is written for the person who asked.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, IOException cause) {
        super(message, cause);
    }
}
