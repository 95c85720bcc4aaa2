package io.runbookbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The Slack app manifest (JSON) that creates the app in one step (api.slack.com/apps → "From a
 * manifest"): the {@code /runbook} command, mention and channel-message events, interactivity,
 * and the bot scopes the front end uses. With a request URL it is an HTTP-mode app, without one a
 * Socket Mode app.
 */
public final class SlackAppManifest {
    /**
     * chat:write to answer; channels/groups:history for incident channels; *:read for
     * conversations.info; usergroups:read for user groups as roles.
     */
    static final List<String> BOT_SCOPES = List.of(
            "app_mentions:read",
            "chat:write",
            "commands",
            "channels:history",
            "groups:history",
            "channels:read",
            "groups:read",
            "usergroups:read",
            "im:history");

    static final List<String> BOT_EVENTS =
            List.of("app_mention", "message.channels", "message.groups", "message.im", "app_home_opened");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackAppManifest() {}

    /** @param requestUrl e.g. {@code https://bot.example.com/slack/events}; empty for Socket Mode */
    public static String json(String appName, Optional<String> requestUrl) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("display_information")
                .put("name", appName)
                .put("description", "Answers incident questions with the matching runbook section");
        ObjectNode features = manifest.putObject("features");
        features.putObject("bot_user").put("display_name", appName).put("always_online", true);
        features.putObject("app_home")
                .put("home_tab_enabled", true)
                .put("messages_tab_enabled", true)
                .put("messages_tab_read_only_enabled", false);
        features.putArray("shortcuts")
                .addObject()
                .put("name", "Find runbook for this message")
                .put("type", "message")
                .put("callback_id", SlackBot.FIND_SHORTCUT)
                .put("description", "Finds the runbook section for an error, log or symptom in this message");
        ObjectNode command = features.putArray("slash_commands")
                .addObject()
                .put("command", SlackBot.COMMAND)
                .put("description", "Find the runbook section for an error or symptom")
                .put(
                        "usage_hint",
                        "<error line or symptom> | investigate <symptom> | help | run <id> key=value [on <agent>]")
                .put("should_escape", false);
        requestUrl.ifPresent(url -> command.put("url", url));
        strings(manifest.putObject("oauth_config").putObject("scopes").putArray("bot"), BOT_SCOPES);
        settings(manifest.putObject("settings"), requestUrl);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    private static void settings(ObjectNode settings, Optional<String> requestUrl) {
        ObjectNode events = settings.putObject("event_subscriptions");
        requestUrl.ifPresent(url -> events.put("request_url", url));
        strings(events.putArray("bot_events"), BOT_EVENTS);
        ObjectNode interactivity = settings.putObject("interactivity").put("is_enabled", true);
        requestUrl.ifPresent(url -> interactivity.put("request_url", url));
        settings.put("org_deploy_enabled", false)
                .put("socket_mode_enabled", requestUrl.isEmpty())
                .put("token_rotation_enabled", false);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
