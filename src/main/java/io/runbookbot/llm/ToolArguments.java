package io.runbookbot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call, as the model sent them (untrusted). Every accessor either gives
 * a value or throws {@link BadArguments} with a sentence the model can act on.
 */
final class ToolArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final JsonNode node;

    private ToolArguments(String tool, JsonNode node) {
        this.tool = tool;
        this.node = node;
    }

    /** Parses {@code raw}; blank means no arguments. */
    static ToolArguments parse(String tool, String raw) {
        if (raw.isBlank()) {
            return new ToolArguments(tool, JSON.createObjectNode());
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new BadArguments(tool + ": the arguments must be a JSON object");
            }
            return new ToolArguments(tool, node);
        } catch (JsonProcessingException e) {
            throw new BadArguments(tool + ": the arguments are not valid JSON");
        }
    }

    /** A required non-blank string. */
    String text(String name) {
        return optionalText(name)
                .orElseThrow(() -> new BadArguments(tool + " needs \"" + name + "\": a non-empty string"));
    }

    Optional<String> optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadArguments(tool + ": \"" + name + "\" must be a non-empty string");
        }
        return Optional.of(value.asText().strip());
    }

    /** An optional object of scalar values, as strings. */
    Map<String, String> strings(String name) {
        JsonNode value = node.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw new BadArguments(tool + ": \"" + name + "\" must be an object of name to value");
        }
        value.properties().forEach(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new BadArguments(tool + ": \"" + name + "." + e.getKey() + "\" must be a string or number");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** Arguments the model must fix; the message goes back to it. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message, null, false, false);
        }
    }
}
