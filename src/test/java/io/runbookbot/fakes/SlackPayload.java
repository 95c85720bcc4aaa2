package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * An inbound Slack payload, the same for both modes: {@link #httpBody()} for HTTP mode (sign it
 * with {@link SlackSigner}) and {@link #envelope(String)} for Socket Mode. Immutable: the {@code
 * with...} methods return changed copies.
 *
 * @param kind what Slack sends it as
 * @param json the payload (for slash commands, its form fields as a flat JSON object)
 */
public record SlackPayload(Kind kind, ObjectNode json) {

    /** The three kinds of inbound payload, with their Socket Mode envelope types. */
    public enum Kind {
        SLASH_COMMAND("slash_commands"),
        EVENT("events_api"),
        INTERACTIVE("interactive");

        private final String envelopeType;

        Kind(String envelopeType) {
            this.envelopeType = envelopeType;
        }

        public String envelopeType() {
            return envelopeType;
        }
    }

    public SlackPayload {
        Objects.requireNonNull(kind, "kind");
        json = json.deepCopy();
    }

    /** A copy of the payload JSON. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** A copy with a top-level field set (a slash command's form field, an event callback's key). */
    public SlackPayload with(String field, String value) {
        ObjectNode copy = json.deepCopy();
        copy.put(field, value);
        return new SlackPayload(kind, copy);
    }

    /** A copy with a field of the inner {@code event} set, such as {@code thread_ts}. */
    public SlackPayload withEvent(String field, String value) {
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.required("event")).put(field, value);
        return new SlackPayload(kind, copy);
    }

    /** A top-level field as text, or "" when absent. */
    public String field(String name) {
        return json.path(name).asText("");
    }

    /** A field of the inner {@code event} as text, or "" when absent. */
    public String eventField(String name) {
        return json.path("event").path(name).asText("");
    }

    /** The response URL of a slash command or interaction, or "" when it has none. */
    public String responseUrl() {
        return field("response_url");
    }

    /** The id at the end of {@link #responseUrl()}, for {@link FakeSlack#awaitResponse}. */
    public String responseId() {
        String url = responseUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The body as Slack posts it in HTTP mode. */
    public String httpBody() {
        switch (kind) {
            case SLASH_COMMAND:
                StringJoiner form = new StringJoiner("&");
                json.fields()
                        .forEachRemaining(e -> form.add(
                                encode(e.getKey()) + "=" + encode(e.getValue().asText())));
                return form.toString();
            case INTERACTIVE:
                return "payload=" + encode(Json.write(json));
            default:
                return Json.write(json);
        }
    }

    /** The content type that goes with {@link #httpBody()}. */
    public String contentType() {
        return kind == Kind.EVENT ? "application/json" : "application/x-www-form-urlencoded";
    }

    /** The Socket Mode envelope of this payload, as Slack sends it. */
    public String envelope(String envelopeId) {
        return envelope(envelopeId, 0, "");
    }

    /** An events envelope that Slack is sending again ({@code retry_attempt} > 0). */
    public String envelope(String envelopeId, int retryAttempt, String retryReason) {
        ObjectNode envelope = Json.object();
        envelope.put("envelope_id", envelopeId);
        envelope.put("type", kind.envelopeType());
        envelope.put("accepts_response_payload", kind == Kind.SLASH_COMMAND);
        if (kind == Kind.EVENT) {
            envelope.put("retry_attempt", retryAttempt);
            envelope.put("retry_reason", retryReason);
        }
        envelope.set("payload", json);
        return Json.write(envelope);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
