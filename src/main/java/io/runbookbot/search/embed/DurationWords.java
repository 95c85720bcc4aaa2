package io.runbookbot.search.embed;

import java.time.Duration;

/** "2 s", "250 ms". */
final class DurationWords {
    private DurationWords() {}

    static String of(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
