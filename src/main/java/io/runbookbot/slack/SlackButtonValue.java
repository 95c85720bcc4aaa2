package io.runbookbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.core.chat.BotRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a button carries: the action id says which request, the value (JSON, under Slack's 2,000
 * character limit) its arguments. Values come back from Slack as they were sent, but the bot
 * treats them as untrusted input: the core checks permissions and parameters again.
 */
final class SlackButtonValue {
    static final String PREFIX = "runbook_";
    static final String RUN = PREFIX + "run_";
    static final String NEXT = PREFIX + "next";
    static final String WHOLE = PREFIX + "whole";
    /** A link button to the runbook in its repository: Slack still sends its click, which is only acknowledged. */
    static final String OPEN = PREFIX + "open";
    /** Post the answer to the channel for everyone; the engine is asked for it again (stateless). */
    static final String SHARE = PREFIX + "share";

    static final String HELPFUL = PREFIX + "helpful";
    static final String NOT_HELPFUL = PREFIX + "not_helpful";
    static final String CONFIRM = PREFIX + "confirm";
    /** Slack's limit for a button value. */
    static final int MAX_VALUE = 2000;
    /** Room left for a question inside a value. */
    private static final int MAX_QUESTION = 1200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackButtonValue() {}

    static String run(String agent, String commandId, Map<String, String> params) {
        ObjectNode json = JSON.createObjectNode().put("agent", agent).put("id", commandId);
        params.forEach(json.putObject("params")::put);
        return json.toString();
    }

    static String next(String question, int index) {
        return fitted(question, q -> JSON.createObjectNode().put("q", q).put("i", index));
    }

    static String vote(String question, String location) {
        return fitted(question, q -> JSON.createObjectNode().put("q", q).put("loc", location));
    }

    /**
     * The value with as much of the question as fits in {@value #MAX_VALUE} characters once encoded:
     * quotes, backslashes and control characters take more room in JSON than in the question.
     */
    private static String fitted(String question, java.util.function.Function<String, ObjectNode> value) {
        String q = cut(question);
        String encoded = value.apply(q).toString();
        while (encoded.length() > MAX_VALUE && !q.isEmpty()) {
            q = q.substring(0, Math.max(0, q.length() - Math.max(1, (encoded.length() - MAX_VALUE) / 6)));
            encoded = value.apply(q).toString();
        }
        return encoded;
    }

    /** The request a click stands for; throws IllegalArgumentException for a value it did not write. */
    static BotRequest decode(String actionId, String value) {
        if (actionId.equals(CONFIRM)) {
            return new BotRequest.Confirm(value);
        }
        JsonNode json = parse(value);
        if (actionId.startsWith(RUN)) {
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode given = field(json, "params", JsonNode::isObject);
            given.fieldNames().forEachRemaining(name -> params.put(name, text(given, name)));
            return new BotRequest.RunDiagnostic(text(json, "agent"), text(json, "id"), params);
        }
        if (actionId.equals(NEXT) || actionId.equals(SHARE)) {
            return new BotRequest.NextMatch(
                    text(json, "q"), field(json, "i", JsonNode::canConvertToInt).asInt());
        }
        if (actionId.equals(WHOLE)) {
            return new BotRequest.WholeSection(
                    text(json, "q"), field(json, "i", JsonNode::canConvertToInt).asInt());
        }
        if (actionId.equals(HELPFUL) || actionId.equals(NOT_HELPFUL)) {
            return new BotRequest.Feedback(text(json, "q"), text(json, "loc"), actionId.equals(HELPFUL));
        }
        throw new IllegalArgumentException("unknown action " + actionId);
    }

    private static JsonNode parse(String value) {
        try {
            JsonNode json = JSON.readTree(value);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a runbook-bot button value");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a runbook-bot button value", e);
        }
    }

    private static String text(JsonNode json, String name) {
        return field(json, name, JsonNode::isTextual).asText();
    }

    private static JsonNode field(JsonNode json, String name, Predicate<JsonNode> expected) {
        JsonNode node = json.get(name);
        if (node == null || !expected.test(node)) {
            throw new IllegalArgumentException("button value without a valid \"" + name + "\"");
        }
        return node;
    }

    private static String cut(String question) {
        return question.length() <= MAX_QUESTION ? question : question.substring(0, MAX_QUESTION);
    }
}
