package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A Discord gateway dispatch (op 0) that a test pushes: its type ({@code MESSAGE_CREATE}, {@code
 * INTERACTION_CREATE}, ...) and its {@code d} object. Immutable: {@link #with} returns a copy.
 */
public record GatewayEvent(String type, ObjectNode data) {

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        data = data.deepCopy();
    }

    /** A copy of {@code d}. */
    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    /** The message or interaction id. */
    public String id() {
        return data.path("id").asText();
    }

    /** The interaction token ("" for messages). */
    public String token() {
        return data.path("token").asText("");
    }

    /**
     * The route JDA posts this interaction's callback to: {@code interactions/{id}/{token}/callback}.
     */
    public String callbackRoute() {
        return "interactions/" + id() + "/" + token() + "/callback";
    }

    /** A copy with one top-level field of {@code d} set. */
    public GatewayEvent with(String field, String value) {
        ObjectNode copy = data.deepCopy();
        copy.put(field, value);
        return new GatewayEvent(type, copy);
    }
}
