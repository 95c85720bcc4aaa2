package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages the bot posted in each channel, as the fake Discord keeps them: ids are snowflakes of
 * the moment they were posted (as Discord's are, so JDA reads the right creation time from them);
 * a post with {@code enforce_nonce: true} whose nonce an earlier post of the last {@link
 * #nonceWindow} carried gets that message back and creates nothing (Discord: "checked for uniqueness
 * in the past few minutes"); {@code GET channels/{id}/messages} lists them newest first, {@code
 * limit} 1 to 100 (default 50), {@code before} and {@code after} message ids. The nonce is in the
 * answer to the post, not in the listing.
 */
final class DiscordChannels {
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private record Kept(ObjectNode message, String nonce, Instant at) {}

    private final Map<String, List<Kept>> channels = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private volatile Duration nonceWindow = Duration.ofMinutes(2);

    void nonceWindow(Duration window) {
        nonceWindow = window;
    }

    String nextId() {
        long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(lastId.updateAndGet(last -> Math.max(now, last + 1)));
    }

    /** The message an earlier post with this nonce created within the nonce window, if any. */
    synchronized Optional<ObjectNode> withNonce(String channel, String nonce) {
        Instant from = Instant.now().minus(nonceWindow);
        return channels.getOrDefault(channel, List.of()).stream()
                .filter(k -> k.nonce().equals(nonce) && !k.at().isBefore(from))
                .map(k -> k.message().deepCopy().put("nonce", nonce))
                .findFirst();
    }

    synchronized void add(String channel, ObjectNode message, String nonce) {
        channels.computeIfAbsent(channel, c -> new ArrayList<>())
                .add(new Kept(message.deepCopy(), nonce, Instant.now()));
    }

    /** Applies an edit's content, embeds and components to a kept message; empty if none has that id. */
    synchronized Optional<ObjectNode> edit(String channel, String id, JsonNode sent) {
        for (Kept kept : channels.getOrDefault(channel, List.of())) {
            if (kept.message().path("id").asText().equals(id)) {
                for (String field : new String[] {"content", "embeds", "components"}) {
                    if (sent.has(field)) {
                        kept.message().set(field, sent.get(field).deepCopy());
                    }
                }
                kept.message().path("embeds").forEach(e -> ((ObjectNode) e).put("type", "rich"));
                kept.message().put("edited_timestamp", Instant.now().toString());
                return Optional.of(kept.message().deepCopy());
            }
        }
        return Optional.empty();
    }

    /** {@code GET channels/{id}/messages}: newest first; empty when {@code limit} is out of range. */
    synchronized Optional<ArrayNode> list(String channel, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        if (limit < 1 || limit > 100) {
            return Optional.empty();
        }
        long before = Long.parseUnsignedLong(query.getOrDefault("before", Long.toUnsignedString(-1L)));
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        List<Kept> kept = channels.getOrDefault(channel, List.of());
        ArrayNode page = Json.array();
        for (int i = kept.size() - 1; i >= 0 && page.size() < limit; i--) {
            long id = Long.parseLong(kept.get(i).message().path("id").asText());
            if (Long.compareUnsigned(id, before) < 0 && id > after) {
                page.add(kept.get(i).message().deepCopy());
            }
        }
        return Optional.of(page);
    }

    /** The kept messages of a channel, newest first. */
    synchronized List<JsonNode> messages(String channel) {
        List<JsonNode> out = new ArrayList<>();
        channels.getOrDefault(channel, List.of())
                .forEach(k -> out.add(0, k.message().deepCopy()));
        return out;
    }
}
