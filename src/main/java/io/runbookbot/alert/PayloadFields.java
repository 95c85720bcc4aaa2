package io.runbookbot.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the typed fields of a webhook body's JSON tree, failing with an {@link AlertPayloadException}
 * that names the field by its path ({@code alerts[2].labels.severity}). A name from the payload is
 * quoted in a path only when it is short and plain; values are never quoted.
 */
final class PayloadFields {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_ECHO = 200;

    private final AlertLimits limits;

    PayloadFields(AlertLimits limits) {
        this.limits = limits;
    }

    Alert alert(JsonNode node, String prefix) throws AlertPayloadException {
        if (!node.isObject()) {
            throw fail(prefix.substring(0, prefix.length() - 1), "must be an object (one alert), got " + kind(node));
        }
        return new Alert(
                status(node, prefix),
                map(node, "labels", prefix, true),
                map(node, "annotations", prefix, false),
                time(node, "startsAt", prefix).orElseThrow(() -> fail(prefix + "startsAt", "missing")),
                time(node, "endsAt", prefix),
                optionalText(node, "generatorURL", prefix),
                optionalText(node, "fingerprint", prefix));
    }

    String text(JsonNode object, String key, String prefix) throws AlertPayloadException {
        JsonNode node = object.get(key);
        if (node == null) {
            throw fail(prefix + key, "missing");
        }
        return string(node, prefix + key);
    }

    /** "" when the field is missing or null. */
    String optionalText(JsonNode object, String key, String prefix) throws AlertPayloadException {
        JsonNode node = object.get(key);
        return node == null || node.isNull() ? "" : string(node, prefix + key);
    }

    String status(JsonNode object, String prefix) throws AlertPayloadException {
        String status = text(object, "status", prefix);
        if (!Alert.FIRING.equals(status) && !Alert.RESOLVED.equals(status)) {
            throw fail(prefix + "status", "must be \"firing\" or \"resolved\"");
        }
        return status;
    }

    /** A JSON object of strings; empty when missing or null. Label names may not hold control characters. */
    Map<String, String> map(JsonNode object, String key, String prefix, boolean labels) throws AlertPayloadException {
        JsonNode node = object.get(key);
        String path = prefix + key;
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw fail(path, "must be an object of name: \"value\" strings, got " + kind(node));
        }
        if (node.size() > limits.maxEntries()) {
            throw fail(path, node.size() + " entries, more than the limit of " + limits.maxEntries());
        }
        Map<String, String> map = new LinkedHashMap<>();
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); index++) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String where = path + name(name, index);
            if (name.length() > limits.maxNameChars()) {
                throw fail(
                        where,
                        "name is " + name.length() + " characters, more than the limit of " + limits.maxNameChars());
            }
            if (labels && (name.isEmpty() || name.chars().anyMatch(Character::isISOControl))) {
                throw fail(where, "a label name must be non-empty and free of control characters");
            }
            map.put(name, string(entry.getValue(), where));
        }
        return map;
    }

    int count(JsonNode object, String key, String prefix) throws AlertPayloadException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw fail(prefix + key, "must be a whole number from 0, got " + kind(node));
        }
        return node.intValue();
    }

    /** An RFC 3339 time; empty when missing, empty text, or Go's zero time (year 1: "not set"). */
    Optional<Instant> time(JsonNode object, String key, String prefix) throws AlertPayloadException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = string(node, prefix + key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
            return instant.atOffset(ZoneOffset.UTC).getYear() <= 1 ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            throw fail(prefix + key, "must be an RFC 3339 time such as 2024-05-01T10:00:00Z");
        }
    }

    private String string(JsonNode node, String path) throws AlertPayloadException {
        if (!node.isTextual()) {
            throw fail(path, "must be a string, got " + kind(node));
        }
        String text = node.textValue();
        if (text.length() > limits.maxValueChars()) {
            throw fail(path, "is " + text.length() + " characters, more than the limit of " + limits.maxValueChars());
        }
        return text;
    }

    private static String name(String name, int index) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "[entry " + (index + 1) + "]";
    }

    private static AlertPayloadException fail(String path, String problem) {
        return new AlertPayloadException(path + ": " + problem);
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A parser message made safe to echo: printable ASCII only, at most 200 characters. */
    static String printable(String message) {
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_ECHO));
        message.codePoints().limit(MAX_ECHO).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return message.codePointCount(0, message.length()) > MAX_ECHO ? out + "..." : out.toString();
    }
}
