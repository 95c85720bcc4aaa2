package io.runbookbot.agent.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers the nonces of accepted requests until their timestamp leaves the skew window, at most
 * {@code capacity} at a time. When full of unexpired nonces it refuses new ones instead of
 * forgetting old ones, since forgetting would reopen a replay window.
 */
final class ReplayGuard {
    enum Outcome {
        FRESH,
        REPLAYED,
        FULL
    }

    private record Entry(long expiresAt, String nonce) {}

    private final int capacity;
    private final Map<String, Long> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry =
            new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt(), b.expiresAt()));

    ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Checks and records {@code nonce} in one step; it stays remembered until {@code expiresAt} has passed. */
    synchronized Outcome remember(String nonce, long expiresAt, long now) {
        evictBefore(now);
        if (seen.containsKey(nonce)) {
            return Outcome.REPLAYED;
        }
        if (seen.size() >= capacity) {
            return Outcome.FULL;
        }
        seen.put(nonce, expiresAt);
        byExpiry.add(new Entry(expiresAt, nonce));
        return Outcome.FRESH;
    }

    synchronized int size() {
        return seen.size();
    }

    private void evictBefore(long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt() < now) {
            seen.remove(byExpiry.poll().nonce());
        }
    }
}
