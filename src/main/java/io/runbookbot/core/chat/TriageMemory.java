package io.runbookbot.core.chat;

/**
 * Which sections the bot posted unasked, where, lately: in an incident channel the same symptom is
 * reported again and again, and the section already posted should not be posted again. The
 * application keeps it bounded and expiring.
 */
@FunctionalInterface
public interface TriageMemory {
    /** Remembers nothing: every matching message is answered. */
    TriageMemory NONE = (channel, location) -> false;

    /**
     * True when the section at {@code location} was posted in {@code channel} lately; otherwise
     * remembers that it is posted now and returns false.
     */
    boolean repeats(String channel, String location);
}
