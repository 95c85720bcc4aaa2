package io.runbookbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.runbookbot.core.chat.BotRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a button carries: the action id says which request, the value (JSON, under Slack's 2,000
 * character limit) its arguments. Values come back from Slack as they were sent, but the bot
 * treats them as untrusted input: the core checks permissions and parameters again.
 */
final class SlackButtonValue {
    static final String PREFIX = "runbook_";
    static final String RUN = PREFIX + "run_";
    static final String NEXT = PREFIX + "next";
    static final String HELPFUL = PREFIX + "helpful";
    static final String NOT_HELPFUL = PREFIX + "not_helpful";
    static final String CONFIRM = PREFIX + "confirm";
    /** Slack's limit for a button value. */
    static final int MAX_VALUE = 2000;
    /** Room left for a question inside a value. */
    private static final int MAX_QUESTION = 1200;
    private static final Gson GSON = new Gson();

    private SlackButtonValue() {
    }

    static String run(String agent, String commandId, Map<String, String> params) {
        JsonObject json = new JsonObject();
        json.addProperty("agent", agent);
        json.addProperty("id", commandId);
        json.add("params", GSON.toJsonTree(params));
        return json.toString();
    }

    static String next(String question, int index) {
        JsonObject json = new JsonObject();
        json.addProperty("q", cut(question));
        json.addProperty("i", index);
        return json.toString();
    }

    static String vote(String question, String location) {
        JsonObject json = new JsonObject();
        json.addProperty("q", cut(question));
        json.addProperty("loc", location);
        return json.toString();
    }

    /** The request a click stands for; throws IllegalArgumentException for a value it did not write. */
    static BotRequest decode(String actionId, String value) {
        if (actionId.equals(CONFIRM)) {
            return new BotRequest.Confirm(value);
        }
        JsonObject json;
        try {
            json = GSON.fromJson(value, JsonObject.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a runbook-bot button value", e);
        }
        if (actionId.startsWith(RUN)) {
            Map<String, String> params = new LinkedHashMap<>();
            json.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
            return new BotRequest.RunDiagnostic(json.get("agent").getAsString(), json.get("id").getAsString(), params);
        }
        if (actionId.equals(NEXT)) {
            return new BotRequest.NextMatch(json.get("q").getAsString(), json.get("i").getAsInt());
        }
        if (actionId.equals(HELPFUL) || actionId.equals(NOT_HELPFUL)) {
            return new BotRequest.Feedback(json.get("q").getAsString(), json.get("loc").getAsString(),
                    actionId.equals(HELPFUL));
        }
        throw new IllegalArgumentException("unknown action " + actionId);
    }

    private static String cut(String question) {
        return question.length() <= MAX_QUESTION ? question : question.substring(0, MAX_QUESTION);
    }
}
