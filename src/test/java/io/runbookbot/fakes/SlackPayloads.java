package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds inbound Slack payloads as Slack sends them, with fresh event ids, timestamps and response
 * URLs that point at the {@link FakeSlack} they came from. Obtain it from {@link
 * FakeSlack#payloads()}. The ids below match the fake's {@code auth.test} answer.
 */
public final class SlackPayloads {

    public static final String TEAM_ID = "T0FAKE";
    public static final String APP_ID = "A0FAKE";

    /** The bot's own user id and bot id, as {@code auth.test} reports them. */
    public static final String BOT_USER_ID = "U0BOT";

    public static final String BOT_ID = "B0BOT";

    /** Another app's bot, for "never answer other bots". */
    public static final String OTHER_BOT_ID = "B0OTHER";

    public static final String OTHER_BOT_USER_ID = "U0OTHERBOT";
    public static final String USER_ID = "U0ALICE";
    public static final String CHANNEL_ID = "C0INCIDENT";

    private final URI fakeBase;
    private final AtomicInteger sequence = new AtomicInteger();

    SlackPayloads(URI fakeBase) {
        this.fakeBase = fakeBase;
    }

    /**
     * {@code /command text} from {@link #USER_ID} in {@link #CHANNEL_ID}, with a fresh response URL.
     */
    public SlackPayload slashCommand(String command, String text) {
        ObjectNode form = Json.template("slack/slash-command.json");
        form.put("command", command);
        form.put("text", text);
        form.put("response_url", nextResponseUrl());
        form.put("trigger_id", "1.2." + sequence.incrementAndGet());
        return new SlackPayload(SlackPayload.Kind.SLASH_COMMAND, form);
    }

    /** An {@code app_mention} by {@link #USER_ID} in {@link #CHANNEL_ID}; put the mention in text. */
    public SlackPayload appMention(String text) {
        ObjectNode event = messageEvent(CHANNEL_ID, text);
        event.put("type", "app_mention");
        event.remove("channel_type");
        return eventCallback(event);
    }

    /** A plain {@code message} by {@link #USER_ID} in a channel. */
    public SlackPayload channelMessage(String channel, String text) {
        return eventCallback(messageEvent(channel, text));
    }

    /**
     * A {@code message} posted by an app with its bot token: {@code user} and {@code bot_id}, no
     * subtype. {@link #BOT_ID} is this bot (Bolt skips it as a self event), any other id is another
     * app whose bot user is {@link #OTHER_BOT_USER_ID}.
     */
    public SlackPayload botMessage(String channel, String text, String botId) {
        boolean self = BOT_ID.equals(botId);
        ObjectNode event = messageEvent(channel, text);
        event.put("user", self ? BOT_USER_ID : OTHER_BOT_USER_ID);
        event.put("bot_id", botId);
        event.put("app_id", self ? APP_ID : "A0OTHER");
        event.putObject("bot_profile")
                .put("id", botId)
                .put("app_id", event.get("app_id").asText())
                .put("name", self ? "runbook-bot" : "other-bot");
        return eventCallback(event);
    }

    /**
     * A {@code bot_message} from an integration such as an incoming webhook or an alerting tool:
     * subtype {@code bot_message}, a {@code bot_id}, no {@code user}. Bolt delivers it as a {@code
     * MessageBotEvent} and first calls {@code bots.info} to learn the bot's user id.
     */
    public SlackPayload integrationMessage(String channel, String text, String botId) {
        ObjectNode event = messageEvent(channel, text);
        event.remove("user");
        event.put("subtype", "bot_message");
        event.put("bot_id", botId);
        event.put("username", "alerts");
        return eventCallback(event);
    }

    /** A {@code message_changed} event: {@link #USER_ID} edited the message at {@code ts}. */
    public SlackPayload messageChanged(String channel, String ts, String oldText, String newText) {
        ObjectNode event = messageEvent(channel, "");
        event.remove("text");
        event.remove("user");
        event.put("subtype", "message_changed");
        event.put("hidden", true);
        ObjectNode message = messageEvent(channel, newText).put("ts", ts);
        message.putObject("edited")
                .put("user", USER_ID)
                .put("ts", event.get("ts").asText());
        message.remove(List.of("channel", "event_ts", "team", "channel_type"));
        ObjectNode previous = message.deepCopy().put("text", oldText);
        previous.remove("edited");
        event.set("message", message);
        event.set("previous_message", previous);
        return eventCallback(event);
    }

    /**
     * A button click ({@code block_actions}) by {@link #USER_ID} on a bot message in {@link
     * #CHANNEL_ID}.
     */
    public SlackPayload blockActions(String actionId, String value) {
        ObjectNode payload = Json.template("slack/block-actions.json");
        String messageTs = nextTs();
        ((ObjectNode) payload.required("container")).put("message_ts", messageTs);
        ((ObjectNode) payload.required("message")).put("ts", messageTs);
        payload.put("response_url", nextResponseUrl());
        ObjectNode action = (ObjectNode) payload.required("actions").required(0);
        action.put("action_id", actionId);
        action.put("value", value);
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, payload);
    }

    /**
     * A message shortcut ({@code message_action}) run by {@link #USER_ID} on someone else's message
     * in {@link #CHANNEL_ID}: Slack sends the message's text as written, encoded.
     */
    public SlackPayload messageShortcut(String callbackId, String messageText) {
        ObjectNode payload = Json.template("slack/message-action.json");
        String messageTs = nextTs();
        payload.put("callback_id", callbackId).put("message_ts", messageTs);
        ((ObjectNode) payload.required("message")).put("ts", messageTs).put("text", messageText);
        payload.put("response_url", nextResponseUrl());
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, payload);
    }

    /**
     * {@link #USER_ID} submits a modal ({@code view_submission}) with this callback id and private
     * metadata, one plain-text input per entry of {@code values} (block id → typed value).
     */
    public SlackPayload viewSubmission(
            String callbackId, String privateMetadata, java.util.Map<String, String> values) {
        ObjectNode payload = Json.object();
        payload.put("type", "view_submission");
        payload.put("token", "legacy");
        payload.put("api_app_id", "A0FAKE");
        payload.put("trigger_id", "1.2.5");
        payload.putObject("team").put("id", TEAM_ID).put("domain", "fake");
        payload.putObject("user")
                .put("id", USER_ID)
                .put("username", "alice")
                .put("name", "alice")
                .put("team_id", TEAM_ID);
        ObjectNode view = payload.putObject("view");
        view.put("id", "V0FORM").put("team_id", TEAM_ID).put("type", "modal");
        view.put("callback_id", callbackId).put("private_metadata", privateMetadata);
        view.put("app_id", "A0FAKE").put("bot_id", "B0BOT").put("hash", "1.abc");
        view.putArray("blocks");
        ObjectNode state = view.putObject("state").putObject("values");
        values.forEach((block, typed) -> state.putObject(block)
                .putObject("value")
                .put("type", "plain_text_input")
                .put("value", typed));
        return new SlackPayload(SlackPayload.Kind.INTERACTIVE, payload);
    }

    /** {@link #USER_ID} opens the bot's Home tab ({@code app_home_opened}). */
    public SlackPayload appHomeOpened() {
        String ts = nextTs();
        ObjectNode event = Json.object();
        event.put("type", "app_home_opened");
        event.put("user", USER_ID);
        event.put("channel", "D0ALICE");
        event.put("tab", "home");
        event.put("event_ts", ts);
        event.put("ts", ts);
        return eventCallback(event);
    }

    /** A direct message to the bot ({@code message.im}) from {@link #USER_ID}. */
    public SlackPayload directMessage(String channel, String text) {
        return eventCallback(messageEvent(channel, text).put("channel_type", "im"));
    }

    private SlackPayload eventCallback(ObjectNode event) {
        ObjectNode callback = Json.template("slack/event-callback.json");
        callback.put("event_id", "Ev" + String.format("%04d", sequence.incrementAndGet()));
        callback.put("event_time", event.get("ts").asLong());
        callback.set("event", event);
        return new SlackPayload(SlackPayload.Kind.EVENT, callback);
    }

    private ObjectNode messageEvent(String channel, String text) {
        String ts = nextTs();
        ObjectNode event = Json.object();
        event.put("type", "message");
        event.put("user", USER_ID);
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        event.put("team", TEAM_ID);
        event.put("channel_type", "channel");
        return event;
    }

    private String nextResponseUrl() {
        return fakeBase + "/response/" + sequence.incrementAndGet();
    }

    private String nextTs() {
        return String.format("1700000000.%06d", sequence.incrementAndGet());
    }
}
