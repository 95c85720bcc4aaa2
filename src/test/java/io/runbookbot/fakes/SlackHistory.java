package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of each channel as the fake Slack keeps them, for {@code conversations.history} as
 * Slack answers it: top-level messages (thread replies are left out) newest first, after {@code
 * oldest} (exclusive), at most {@code limit} (default 100, at most 999) per page with a {@code
 * next_cursor} while there are more; a message's {@code metadata} only with {@code
 * include_all_metadata=true}. {@code chat.update} replaces text and blocks, and metadata when sent.
 * A channel the bot never posted in has no messages.
 */
final class SlackHistory {
    private final Map<String, List<ObjectNode>> channels = new ConcurrentHashMap<>();

    void add(String channel, ObjectNode message) {
        List<ObjectNode> messages = channels.computeIfAbsent(channel, c -> new ArrayList<>());
        synchronized (messages) {
            messages.add(message);
        }
    }

    /** Applies an edit to a message this fake holds; false if it holds none with that ts. */
    boolean update(String channel, String ts, RecordedRequest request) {
        Optional<ObjectNode> message = find(channel, ts);
        message.ifPresent(m -> {
            m.put("text", request.param("text").orElse(""));
            JsonNode blocks = request.paramJson("blocks");
            if (blocks.isArray()) {
                m.set("blocks", blocks.deepCopy());
            }
            request.param("metadata").ifPresent(metadata -> m.set("metadata", Json.parse(metadata)));
            m.putObject("edited").put("user", m.path("user").asText()).put("ts", ts);
        });
        return message.isPresent();
    }

    /** Top-level messages of {@code channel}, newest first, each as Slack returns it. */
    List<ObjectNode> topLevel(String channel) {
        List<ObjectNode> messages = channels.getOrDefault(channel, List.of());
        List<ObjectNode> out = new ArrayList<>();
        synchronized (messages) {
            for (ObjectNode m : messages) {
                if (!m.has("thread_ts")
                        || m.path("thread_ts").asText().equals(m.path("ts").asText())) {
                    out.add(0, m.deepCopy());
                }
            }
        }
        return out;
    }

    ObjectNode history(RecordedRequest request) {
        String channel = request.param("channel").orElse("");
        BigDecimal oldest =
                new BigDecimal(request.param("oldest").filter(s -> !s.isEmpty()).orElse("0"));
        int limit = Math.min(999, Integer.parseInt(request.param("limit").orElse("100")));
        int from = Integer.parseInt(
                request.param("cursor").filter(s -> !s.isEmpty()).orElse("0"));
        boolean metadata = request.param("include_all_metadata").orElse("").equals("true")
                || request.param("include_all_metadata").orElse("").equals("1");
        List<ObjectNode> matching = topLevel(channel).stream()
                .filter(m -> new BigDecimal(m.path("ts").asText()).compareTo(oldest) > 0)
                .toList();
        ObjectNode answer = Json.object().put("ok", true);
        ArrayNode page = answer.putArray("messages");
        for (ObjectNode m :
                matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()))) {
            if (!metadata) {
                m.remove("metadata");
            }
            page.add(m);
        }
        boolean more = from + limit < matching.size();
        answer.put("has_more", more);
        answer.putObject("response_metadata").put("next_cursor", more ? Integer.toString(from + limit) : "");
        return answer;
    }

    private Optional<ObjectNode> find(String channel, String ts) {
        List<ObjectNode> messages = channels.getOrDefault(channel, List.of());
        synchronized (messages) {
            return messages.stream()
                    .filter(m -> m.path("ts").asText().equals(ts))
                    .findFirst();
        }
    }
}
