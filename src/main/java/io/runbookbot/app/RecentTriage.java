package io.runbookbot.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.runbookbot.core.chat.TriageMemory;
import java.time.Duration;

/**
 * The sections posted unasked per channel in the last {@link #WINDOW}: a symptom reported again in
 * the same incident channel gets "same runbook as above" instead of the section again. At most
 * {@value #REMEMBERED} channel-section pairs, each forgotten a window after it was posted.
 */
final class RecentTriage implements TriageMemory {
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final int REMEMBERED = 10_000;

    private final Cache<String, Boolean> posted;

    RecentTriage(Ticker ticker) {
        posted = Caffeine.newBuilder()
                .maximumSize(REMEMBERED)
                .expireAfterWrite(WINDOW)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public boolean repeats(String channel, String location) {
        return posted.asMap().putIfAbsent(channel + "\n" + location, Boolean.TRUE) != null;
    }

    /** How many channel-section pairs are remembered now. */
    long size() {
        posted.cleanUp();
        return posted.estimatedSize();
    }
}
