package io.runbookbot.slack;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The Slack app manifest (JSON) that creates the app in one step (api.slack.com/apps → "From a
 * manifest"): the {@code /runbook} command, mention and channel-message events, interactivity,
 * and the bot scopes the front end uses. With a request URL it is an HTTP-mode app, without one a
 * Socket Mode app.
 */
public final class SlackAppManifest {
    /** chat:write to answer; channels/groups:history for incident channels; *:read for conversations.info. */
    static final List<String> BOT_SCOPES = List.of("app_mentions:read", "chat:write", "commands", "channels:history",
            "groups:history", "channels:read", "groups:read");
    static final List<String> BOT_EVENTS = List.of("app_mention", "message.channels", "message.groups");

    private SlackAppManifest() {
    }

    /** @param requestUrl e.g. {@code https://bot.example.com/slack/events}; empty for Socket Mode */
    public static String json(String appName, Optional<String> requestUrl) {
        JsonObject manifest = new JsonObject();
        JsonObject display = new JsonObject();
        display.addProperty("name", appName);
        display.addProperty("description", "Answers incident questions with the matching runbook section");
        manifest.add("display_information", display);
        JsonObject botUser = new JsonObject();
        botUser.addProperty("display_name", appName);
        botUser.addProperty("always_online", true);
        JsonObject command = new JsonObject();
        command.addProperty("command", SlackBot.COMMAND);
        command.addProperty("description", "Find the runbook section for an error or symptom");
        command.addProperty("usage_hint", "<error line or symptom> | investigate <symptom> | help | run <id> key=value [on <agent>]");
        command.addProperty("should_escape", false);
        requestUrl.ifPresent(url -> command.addProperty("url", url));
        JsonArray commands = new JsonArray();
        commands.add(command);
        JsonObject features = new JsonObject();
        features.add("bot_user", botUser);
        features.add("slash_commands", commands);
        manifest.add("features", features);
        JsonObject scopes = new JsonObject();
        scopes.add("bot", array(BOT_SCOPES));
        JsonObject oauth = new JsonObject();
        oauth.add("scopes", scopes);
        manifest.add("oauth_config", oauth);
        manifest.add("settings", settings(requestUrl));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest);
    }

    private static JsonObject settings(Optional<String> requestUrl) {
        JsonObject events = new JsonObject();
        requestUrl.ifPresent(url -> events.addProperty("request_url", url));
        events.add("bot_events", array(BOT_EVENTS));
        JsonObject interactivity = new JsonObject();
        interactivity.addProperty("is_enabled", true);
        requestUrl.ifPresent(url -> interactivity.addProperty("request_url", url));
        JsonObject settings = new JsonObject();
        settings.add("event_subscriptions", events);
        settings.add("interactivity", interactivity);
        settings.addProperty("org_deploy_enabled", false);
        settings.addProperty("socket_mode_enabled", requestUrl.isEmpty());
        settings.addProperty("token_rotation_enabled", false);
        return settings;
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
