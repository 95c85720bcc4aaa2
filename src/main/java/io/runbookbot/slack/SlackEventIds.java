package io.runbookbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The event ids seen lately, so that Slack's retries of an event (HTTP {@code X-Slack-Retry-Num},
 * Socket Mode {@code retry_attempt}) are answered once. Slack retries within minutes, so an id is
 * remembered for an hour, and at most {@code capacity} ids are kept.
 */
final class SlackEventIds {
    static final Duration REMEMBERED_FOR = Duration.ofHours(1);
    private final Cache<String, Boolean> seen;

    SlackEventIds(int capacity) {
        this(capacity, REMEMBERED_FOR, Ticker.systemTicker());
    }

    SlackEventIds(int capacity, Duration rememberedFor, Ticker ticker) {
        this.seen = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(rememberedFor)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** True the first time an id is offered; an event without an id always counts as new. */
    boolean firstDelivery(String eventId) {
        return eventId == null || eventId.isEmpty() || seen.asMap().putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    /** How many ids are remembered now (after pending evictions). */
    long remembered() {
        seen.cleanUp();
        return seen.estimatedSize();
    }
}
