package io.runbookbot.agent.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a parsed YAML tree, failing with an {@link AllowlistException} whose
 * message starts with where the value is ({@code file: commands[2] (id "x")}) and the field.
 */
final class YamlNodes {
    private final String where;

    YamlNodes(String where) {
        this.where = where;
    }

    String where() {
        return where;
    }

    AllowlistException error(String field, String problem) {
        return new AllowlistException(where + ": " + field + ": " + problem);
    }

    /** Refuses keys of {@code map} not in {@code known}; {@code prefix} is "" or "params.port.". */
    void onlyKeys(JsonNode map, String prefix, Set<String> known) {
        Iterator<String> names = map.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw error(
                        prefix + key,
                        "unknown key" + suggestion(key, known) + " (known: "
                                + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static String suggestion(String key, Set<String> known) {
        String folded = key.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return known.stream()
                .filter(k -> k.equals(folded))
                .findFirst()
                .map(k -> ", did you mean " + k + "?")
                .orElse("");
    }

    JsonNode mapping(JsonNode node, String field) {
        if (!node.isObject()) {
            throw error(field, "must be a mapping (key: value), got " + kind(node));
        }
        return node;
    }

    JsonNode sequence(JsonNode node, String field) {
        if (!node.isArray()) {
            throw error(field, "must be a list, got " + kind(node));
        }
        return node;
    }

    Optional<JsonNode> optional(JsonNode map, String key) {
        JsonNode value = map.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    JsonNode required(JsonNode map, String key, String field) {
        return optional(map, key).orElseThrow(() -> error(field, "is required"));
    }

    /** A string (or an integer, as YAML reads {@code 50}), not empty, no control characters. */
    String text(JsonNode node, String field) {
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw error(field, "must be a string, got " + kind(node));
        }
        String text = node.asText();
        if (text.isEmpty()) {
            throw error(field, "must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (ValueChecks.isControlOrFormat(text.charAt(i))) {
                throw error(field, "contains a control character (" + Echo.escape(text.charAt(i)) + ")");
            }
        }
        return text;
    }

    List<String> texts(JsonNode node, String field) {
        sequence(node, field);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            texts.add(text(node.get(i), field + "[" + i + "]"));
        }
        return texts;
    }

    long integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error(field, "must be an integer, got " + kind(node));
        }
        return node.asLong();
    }

    boolean bool(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw error(field, "must be true or false, got " + kind(node));
        }
        return node.asBoolean();
    }

    Access access(JsonNode node, String field) {
        mapping(node, field);
        onlyKeys(node, field + ".", Set.of("users", "roles", "channels"));
        Map<String, List<String>> lists = new java.util.HashMap<>();
        for (String key : List.of("users", "roles", "channels")) {
            lists.put(
                    key,
                    optional(node, key).map(n -> texts(n, field + "." + key)).orElse(List.of()));
        }
        return new Access(lists.get("users"), lists.get("roles"), lists.get("channels"));
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "the string " + Echo.quote(node.asText());
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return node.isArray()
                ? "a list"
                : node.isObject() ? "a mapping" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
