package io.runbookbot.diagnostics;

import java.time.Duration;

/** Durations in messages for people. */
final class DurationText {
    private DurationText() {}

    /** "1 minute", "5 minutes", "12 seconds", "1 second" (whole minutes when exact). */
    static String describe(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= 60 && seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    /** {@link #describe} of {@code d} rounded up to a whole second: "try again in 1 second", not 0. */
    static String roundUp(Duration d) {
        Duration whole = Duration.ofSeconds(d.getSeconds());
        return describe(whole.equals(d) ? d : whole.plusSeconds(1));
    }
}
