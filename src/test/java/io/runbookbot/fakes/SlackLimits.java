package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's documented Block Kit limits, checked on what the bot sent a {@link FakeSlack}: messages
 * ({@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update}, posts to response
 * URLs, Socket Mode ack payloads) and views ({@code views.open}, {@code views.publish}). A
 * violation is a line naming the call, the place and the limit; Slack would refuse the whole
 * message ({@code invalid_blocks}) for any of them.
 *
 * <ul>
 *   <li>message: text &le; 40,000, blocks &le; 50; modal and Home tab: blocks &le; 100, title,
 *       submit and close &le; 24, callback_id &le; 255, private_metadata &le; 3,000
 *   <li>block_id &le; 255 and unique in its message or view
 *   <li>section: text &le; 3,000, fields &le; 10 of &le; 2,000; header: text &le; 150; context:
 *       elements &le; 10; actions: elements &le; 25; input: label and hint &le; 2,000
 *   <li>button: text &le; 75, value &le; 2,000, url &le; 3,000; action_id &le; 255 and unique in
 *       its block (Slack's rule: "unique among all other action_ids in the containing block")
 * </ul>
 */
public final class SlackLimits {
    static final int MESSAGE_TEXT = 40_000;
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int SECTION_FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int HEADER_TEXT = 150;
    static final int CONTEXT_ELEMENTS = 10;
    static final int ACTIONS_ELEMENTS = 25;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int URL = 3000;
    static final int ID = 255;
    static final int VIEW_TITLE = 24;
    static final int PRIVATE_METADATA = 3000;
    static final int INPUT_LABEL = 2000;

    private SlackLimits() {}

    /**
     * Fails, naming each violation, if any message or view the app sent {@code slack} so far (Web API
     * calls, response URLs, Socket Mode ack payloads) breaks a limit.
     */
    public static void assertWithinLimits(FakeSlack slack) {
        List<String> found = new ArrayList<>(violations(slack.calls().all()));
        found.addAll(ackViolations(slack.acks().all()));
        if (!found.isEmpty()) {
            throw new AssertionError("Slack would refuse these:\n" + String.join("\n", found));
        }
    }

    /** Every violation in every message or view among {@code calls}; other calls are skipped. */
    public static List<String> violations(Collection<RecordedRequest> calls) {
        List<String> found = new ArrayList<>();
        for (RecordedRequest call : calls) {
            found.addAll(violations(call));
        }
        return found;
    }

    /** The violations in one call's message or view; none for a call that carries neither. */
    public static List<String> violations(RecordedRequest call) {
        String route = call.route();
        if (route.startsWith("views.")) {
            return view(route, call.paramJson("view"));
        }
        if (route.startsWith("response/")) {
            return message(
                    route, call.json().path("text").asText(""), call.json().path("blocks"));
        }
        if (route.startsWith("chat.")) {
            return message(route, call.param("text").orElse(""), call.paramJson("blocks"));
        }
        return List.of();
    }

    /** The violations in a Socket Mode ack's response payload (a slash command's immediate answer). */
    public static List<String> ackViolations(Collection<JsonNode> acks) {
        List<String> found = new ArrayList<>();
        for (JsonNode ack : acks) {
            JsonNode payload = ack.path("payload");
            if (payload.isObject()) {
                found.addAll(message(
                        "ack " + ack.path("envelope_id").asText(),
                        payload.path("text").asText(""),
                        payload.path("blocks")));
            }
        }
        return found;
    }

    private static List<String> message(String where, String text, JsonNode blocks) {
        Check check = new Check(where);
        check.atMost("text", text.length(), MESSAGE_TEXT);
        check.blocks(blocks, MESSAGE_BLOCKS);
        return check.found;
    }

    private static List<String> view(String where, JsonNode view) {
        Check check = new Check(where);
        check.atMost("view title", view.path("title").path("text").asText("").length(), VIEW_TITLE);
        check.atMost("view submit", view.path("submit").path("text").asText("").length(), VIEW_TITLE);
        check.atMost("view close", view.path("close").path("text").asText("").length(), VIEW_TITLE);
        check.atMost("callback_id", view.path("callback_id").asText("").length(), ID);
        check.atMost(
                "private_metadata", view.path("private_metadata").asText("").length(), PRIVATE_METADATA);
        check.blocks(view.path("blocks"), VIEW_BLOCKS);
        return check.found;
    }

    /** Collects the violations of one message or view. */
    private static final class Check {
        private final String where;
        private final List<String> found = new ArrayList<>();

        Check(String where) {
            this.where = where;
        }

        void atMost(String what, int size, int limit) {
            if (size > limit) {
                found.add(where + ": " + what + " is " + size + ", Slack's limit is " + limit);
            }
        }

        void blocks(JsonNode blocks, int maxBlocks) {
            if (blocks.isMissingNode() || blocks.isNull()) {
                return;
            }
            atMost("blocks", blocks.size(), maxBlocks);
            Set<String> blockIds = new HashSet<>();
            for (int i = 0; i < blocks.size(); i++) {
                JsonNode block = blocks.get(i);
                String id = block.path("block_id").asText("");
                if (!id.isEmpty() && !blockIds.add(id)) {
                    found.add(where + ": block_id " + id + " is not unique");
                }
                atMost("block " + i + " block_id", id.length(), ID);
                block("block " + i + " (" + block.path("type").asText() + ")", block);
            }
        }

        private void block(String at, JsonNode block) {
            switch (block.path("type").asText()) {
                case "section" -> {
                    atMost(at + " text", text(block.path("text")), SECTION_TEXT);
                    atMost(at + " fields", block.path("fields").size(), SECTION_FIELDS);
                    block.path("fields").forEach(f -> atMost(at + " field", text(f), FIELD_TEXT));
                    elements(at, List.of(block.path("accessory")));
                }
                case "header" -> atMost(at + " text", text(block.path("text")), HEADER_TEXT);
                case "context" -> {
                    atMost(at + " elements", block.path("elements").size(), CONTEXT_ELEMENTS);
                    block.path("elements").forEach(e -> atMost(at + " element text", text(e), SECTION_TEXT));
                }
                case "actions" -> {
                    atMost(at + " elements", block.path("elements").size(), ACTIONS_ELEMENTS);
                    List<JsonNode> elements = new ArrayList<>();
                    block.path("elements").forEach(elements::add);
                    elements(at, elements);
                }
                case "input" -> {
                    atMost(at + " label", text(block.path("label")), INPUT_LABEL);
                    atMost(at + " hint", text(block.path("hint")), INPUT_LABEL);
                    elements(at, List.of(block.path("element")));
                }
                default -> {}
            }
        }

        /** The interactive elements of one block: their limits, and action ids unique within it. */
        private void elements(String at, List<JsonNode> elements) {
            Set<String> actionIds = new HashSet<>();
            for (JsonNode e : elements) {
                if (!e.isObject()) {
                    continue;
                }
                String actionId = e.path("action_id").asText("");
                atMost(at + " action_id", actionId.length(), ID);
                if (!actionId.isEmpty() && !actionIds.add(actionId)) {
                    found.add(where + ": " + at + " action_id " + actionId + " is not unique in its block");
                }
                if (e.path("type").asText().equals("button")) {
                    atMost(at + " button text", text(e.path("text")), BUTTON_TEXT);
                    atMost(at + " button value", e.path("value").asText("").length(), BUTTON_VALUE);
                    atMost(at + " button url", e.path("url").asText("").length(), URL);
                }
            }
        }

        private static int text(JsonNode textObject) {
            return textObject.path("text").asText("").length();
        }
    }
}
