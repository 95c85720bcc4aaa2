package io.runbookbot.agent.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;

/**
 * The JSON codec of the agent protocol: the records of this package with camelCase keys. Requests
 * and responses are read equally strictly (protocol v2; agent and bot ship in one jar): a
 * duplicate key, an unknown key, trailing tokens, a missing or null value, or a value of the wrong
 * JSON type is malformed. Nothing is coerced: {@code 8080} is not the string {@code "8080"},
 * {@code "0"} is not the number {@code 0}, {@code 1.0} is not an integer and {@code "true"} is not
 * a boolean. So {@code {"id":"echo","params":{},"id":"touch"}} is refused, never read as
 * {@code touch}.
 */
public final class AgentJson {
    private static final ObjectMapper STRICT = strictMapper();
    private static final TypeReference<List<CommandDescription>> COMMANDS = new TypeReference<>() {};

    private AgentJson() {}

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .build();
        for (LogicalType type : LogicalType.values()) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        }
        return mapper;
    }

    /** UTF-8 JSON of a protocol record (or a list of them). */
    public static byte[] write(Object value) {
        try {
            return STRICT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static RunRequest runRequest(byte[] json) {
        return read(json, RunRequest.class);
    }

    public static RunResult runResult(byte[] json) {
        return read(json, RunResult.class);
    }

    public static ErrorResponse errorResponse(byte[] json) {
        return read(json, ErrorResponse.class);
    }

    public static HealthStatus healthStatus(byte[] json) {
        return read(json, HealthStatus.class);
    }

    public static List<CommandDescription> commands(byte[] json) {
        try {
            List<CommandDescription> list = STRICT.readValue(json, COMMANDS);
            if (list == null) {
                throw new IllegalArgumentException("null");
            }
            return List.copyOf(list);
        } catch (IOException | RuntimeException e) {
            throw malformed("a list of commands", e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            T value = STRICT.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException("null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw malformed(type.getSimpleName(), e);
        }
    }

    /**
     * The message names what was expected, why (a duplicate key, a value of the wrong type, an
     * unknown key) and where parsing stopped, never the input itself.
     */
    private static MalformedMessageException malformed(String expected, Exception e) {
        String where = e instanceof JsonProcessingException j && j.getLocation() != null
                ? " (line " + j.getLocation().getLineNr() + ", column "
                        + j.getLocation().getColumnNr() + ")"
                : "";
        return new MalformedMessageException("not a valid " + expected + why(e) + where, e);
    }

    private static String why(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Duplicate field")) {
            return ": a key appears twice";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ": unknown key " + quoteKey(u.getPropertyName());
        }
        if (e instanceof InvalidFormatException
                || e instanceof MismatchedInputException && message.startsWith("Cannot coerce")) {
            return ": a value has the wrong JSON type (parameter values are strings, numbers are not quoted)";
        }
        return "";
    }

    /** A key name as sent, cut and reduced to safe characters: it may come from anyone. */
    private static String quoteKey(String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "..." : key;
        return "\"" + shown.replaceAll("[^A-Za-z0-9_.-]", "?") + "\"";
    }
}
