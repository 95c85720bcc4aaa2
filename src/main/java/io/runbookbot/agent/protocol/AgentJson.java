package io.runbookbot.agent.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * The JSON codec of the agent protocol: the records of this package with camelCase keys. Requests
 * are read strictly (unknown keys, trailing tokens, missing or null values are malformed);
 * responses ignore unknown keys so that an agent may add fields without breaking older bots.
 */
public final class AgentJson {
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private static final ObjectMapper STRICT = LENIENT.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<CommandDescription>> COMMANDS = new TypeReference<>() {
    };

    private AgentJson() {
    }

    /** UTF-8 JSON of a protocol record (or a list of them). */
    public static byte[] write(Object value) {
        try {
            return LENIENT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static RunRequest runRequest(byte[] json) {
        return read(STRICT, json, RunRequest.class);
    }

    public static RunResult runResult(byte[] json) {
        return read(LENIENT, json, RunResult.class);
    }

    public static ErrorResponse errorResponse(byte[] json) {
        return read(LENIENT, json, ErrorResponse.class);
    }

    public static HealthStatus healthStatus(byte[] json) {
        return read(LENIENT, json, HealthStatus.class);
    }

    public static List<CommandDescription> commands(byte[] json) {
        try {
            return List.copyOf(LENIENT.readValue(json, COMMANDS));
        } catch (IOException | RuntimeException e) {
            throw malformed("a list of commands", e);
        }
    }

    private static <T> T read(ObjectMapper mapper, byte[] json, Class<T> type) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException("null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw malformed(type.getSimpleName(), e);
        }
    }

    /** The message names what was expected and where parsing stopped, never the input itself. */
    private static MalformedMessageException malformed(String expected, Exception e) {
        String where = e instanceof JsonProcessingException j && j.getLocation() != null
                ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")"
                : "";
        return new MalformedMessageException("not a valid " + expected + where, e);
    }
}
