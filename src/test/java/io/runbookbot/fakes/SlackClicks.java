package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Clicks on the buttons of a message the bot sent, as Slack sends them ({@code block_actions}): the
 * button's action id, value and text as the bot wrote them; a message in the channel comes back
 * with the click, an ephemeral one does not.
 */
public final class SlackClicks {
    private final SlackPayloads payloads;

    public SlackClicks(SlackPayloads payloads) {
        this.payloads = payloads;
    }

    /** A click on a button of an ephemeral message (the {@code blocks} the bot sent): no {@code message}. */
    public SlackPayload onPrivate(JsonNode blocks, String actionId) {
        ObjectNode json = click(blocks, actionId);
        ((ObjectNode) json.required("container")).put("is_ephemeral", true).remove("message_ts");
        json.remove("message");
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }

    /** A click on a button of the message {@code ts} in the channel, which comes back with the click. */
    public SlackPayload onPublic(JsonNode blocks, String actionId, String ts) {
        ObjectNode json = click(blocks, actionId);
        ((ObjectNode) json.required("container")).put("message_ts", ts);
        ((ObjectNode) json.required("message")).put("ts", ts).set("blocks", blocks);
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, json);
    }

    /** The first button whose action id matches, in a message's actions blocks or section accessories. */
    public static Optional<JsonNode> button(JsonNode blocks, Predicate<String> actionId) {
        for (JsonNode block : blocks) {
            if (actionId.test(block.path("accessory").path("action_id").asText())) {
                return Optional.of(block.path("accessory"));
            }
            for (JsonNode element : block.path("elements")) {
                if (actionId.test(element.path("action_id").asText())) {
                    return Optional.of(element);
                }
            }
        }
        return Optional.empty();
    }

    private ObjectNode click(JsonNode blocks, String actionId) {
        JsonNode button = button(blocks, actionId::equals)
                .orElseThrow(() -> new AssertionError("no button " + actionId + " in " + blocks));
        ObjectNode json =
                payloads.blockActions(actionId, button.path("value").asText()).json();
        ((ObjectNode) json.required("actions").required(0)).set("text", button.path("text"));
        return json;
    }
}
