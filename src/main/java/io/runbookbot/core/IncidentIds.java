package io.runbookbot.core;

import java.util.UUID;

/**
 * Short ids for failures: the user sees one in the message, the operator finds the same one in
 * the log next to the stack trace. Eight hex digits of a random UUID.
 */
public final class IncidentIds {
    private IncidentIds() {}

    public static String next() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
