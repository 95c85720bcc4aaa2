package io.runbookbot.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids seen lately, so that Slack's retries of an event (HTTP {@code X-Slack-Retry-Num},
 * Socket Mode {@code retry_attempt}) are answered once. Bounded: the oldest ids are forgotten.
 */
final class SlackEventIds {
    private final Map<String, Boolean> seen;

    SlackEventIds(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered; an event without an id always counts as new. */
    synchronized boolean firstDelivery(String eventId) {
        return eventId == null || eventId.isEmpty() || seen.put(eventId, Boolean.TRUE) == null;
    }
}
