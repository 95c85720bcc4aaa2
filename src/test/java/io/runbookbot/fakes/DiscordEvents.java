package io.runbookbot.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the gateway events a Discord user causes, in the shape JDA 6.5 accepts: messages ({@code
 * MESSAGE_CREATE}) and interactions ({@code INTERACTION_CREATE}) in {@link #GUILD_ID}'s channel
 * {@link #CHANNEL_ID}, by a member with the given role ids. Role ids must be declared with {@link
 * FakeDiscord.Builder#role}: JDA silently drops roles its guild does not know.
 */
public final class DiscordEvents {

    /** The bot's user id, which is also its application id. */
    public static final String BOT_ID = "1000000000000000001";

    public static final String APPLICATION_ID = BOT_ID;

    /** The guild, whose {@code @everyone} role has the same id. */
    public static final String GUILD_ID = "2000000000000000001";

    public static final String CHANNEL_ID = "3000000000000000001";

    /** A second text channel ("alerts"), where nobody types: for alert posts in a channel of their own. */
    public static final String ALERTS_CHANNEL_ID = "3000000000000000002";

    /** The guild owner: nobody in the events, so that permissions are not bypassed by ownership. */
    public static final String OWNER_ID = "4000000000000000099";

    public static final String COMMAND_ID = "7000000000000000001";

    /** Who sends a message or triggers an interaction. */
    public record Author(String id, String username, boolean bot) {
        public static final Author ALICE = new Author("4000000000000000001", "alice", false);
        public static final Author BOB = new Author("4000000000000000002", "bob", false);

        /** The bot itself, for "never answer yourself". */
        public static final Author SELF = new Author(BOT_ID, "incident-bot", true);

        public static final Author OTHER_BOT = new Author("1000000000000000002", "other-bot", true);

        ObjectNode json() {
            ObjectNode user = Json.object();
            user.put("id", id).put("username", username).put("discriminator", "0");
            user.putNull("global_name");
            user.putNull("avatar");
            return user.put("bot", bot).put("flags", 0);
        }
    }

    private final AtomicLong snowflakes;

    DiscordEvents(AtomicLong snowflakes) {
        this.snowflakes = snowflakes;
    }

    /** {@code @bot text} by {@link Author#ALICE} with these roles. */
    public GatewayEvent mention(String text, String... roleIds) {
        return message(Author.ALICE, "<@" + BOT_ID + "> " + text, true, roleIds);
    }

    /** A message in {@link #CHANNEL_ID}; {@code mentionsBot} fills {@code mentions}, not content. */
    public GatewayEvent message(Author author, String content, boolean mentionsBot, String... roleIds) {
        ObjectNode d = Json.template("discord/message-create.json");
        d.put("id", nextId());
        d.put("nonce", d.get("id").asText());
        d.put("content", content);
        d.set("author", author.json());
        ((ObjectNode) d.required("member")).set("roles", roles(roleIds));
        ArrayNode mentions = d.putArray("mentions");
        if (mentionsBot) {
            mentions.add(Author.SELF.json().put("mfa_enabled", false).put("verified", true));
        }
        return new GatewayEvent("MESSAGE_CREATE", d);
    }

    /** {@code /runbook ask question:<question>} by {@link Author#ALICE} with these roles. */
    public GatewayEvent slashCommand(String question, String... roleIds) {
        return subcommand(2, "ask", options(Map.of("question", question), ""), roleIds);
    }

    /**
     * {@code /runbook run check:<check> [params:<params>]} by {@link Author#ALICE} (no params option
     * when {@code params} is empty).
     */
    public GatewayEvent runCommand(String check, String params, String... roleIds) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("check", check);
        if (!params.isEmpty()) {
            options.put("params", params);
        }
        return subcommand(2, "run", options(options, ""), roleIds);
    }

    /** {@code /runbook diagnostics} by {@link Author#ALICE} with these roles. */
    public GatewayEvent diagnosticsCommand(String... roleIds) {
        return subcommand(2, "diagnostics", Json.array(), roleIds);
    }

    /**
     * What Discord sends while Alice types in {@code /runbook run} (type 4,
     * APPLICATION_COMMAND_AUTOCOMPLETE): the options filled so far, {@code focused} marked.
     */
    public GatewayEvent autocomplete(Map<String, String> filled, String focused, String... roleIds) {
        return subcommand(4, "run", options(filled, focused), roleIds);
    }

    /**
     * Alice submits a modal (type 5, MODAL_SUBMIT) whose fields are labels holding a text input (value)
     * or, for the names in {@code selects}, a string select (the value as its one selection).
     */
    public GatewayEvent modalSubmit(
            String modalId, Map<String, String> values, Set<String> selects, String... roleIds) {
        ObjectNode d = interaction(Author.ALICE, 5, roleIds);
        ObjectNode data = d.putObject("data").put("custom_id", modalId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> v : values.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", id++);
            ObjectNode child = label.putObject("component").put("id", id++).put("custom_id", v.getKey());
            if (selects.contains(v.getKey())) {
                child.put("type", 3).putArray("values").add(v.getValue());
            } else {
                child.put("type", 4).put("value", v.getValue());
            }
        }
        return new GatewayEvent("INTERACTION_CREATE", d);
    }

    private GatewayEvent subcommand(int type, String name, ArrayNode options, String... roleIds) {
        ObjectNode d = interaction(Author.ALICE, type, roleIds);
        ObjectNode data = d.putObject("data");
        data.put("id", COMMAND_ID).put("name", "runbook").put("type", 1);
        ObjectNode sub = data.putArray("options").addObject().put("name", name).put("type", 1);
        sub.set("options", options);
        return new GatewayEvent("INTERACTION_CREATE", d);
    }

    private static ArrayNode options(Map<String, String> values, String focused) {
        ArrayNode list = Json.array();
        values.forEach((k, v) -> {
            ObjectNode option = list.addObject().put("name", k).put("type", 3).put("value", v);
            if (k.equals(focused)) {
                option.put("focused", true);
            }
        });
        return list;
    }

    /** A slash command with string options. */
    public GatewayEvent command(Author author, String name, Map<String, String> options, String... roleIds) {
        ObjectNode d = interaction(author, 2, roleIds);
        ObjectNode data = d.putObject("data");
        data.put("id", COMMAND_ID).put("name", name).put("type", 1);
        ArrayNode list = data.putArray("options");
        options.forEach((k, v) -> list.addObject().put("name", k).put("type", 3).put("value", v));
        return new GatewayEvent("INTERACTION_CREATE", d);
    }

    /**
     * A click by {@link Author#ALICE} on a button with this custom id, on an earlier message of the
     * bot that carries that button (JDA reads the message and finds the button in it).
     */
    public GatewayEvent button(String customId, String... roleIds) {
        return button(customId, Json.object(), roleIds);
    }

    /**
     * The same click, on the bot message whose sent body was {@code sent} (its content and embeds
     * come back with the click, as Discord sends them).
     */
    public GatewayEvent button(String customId, ObjectNode sent, String... roleIds) {
        ObjectNode d = interaction(Author.ALICE, 3, roleIds);
        d.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = Json.template("discord/message.json");
        message.put("id", nextId());
        message.put("content", sent.path("content").asText("answer with buttons"));
        message.put("flags", sent.path("flags").asInt(0) & 64); // an ephemeral message stays one
        if (sent.has("embeds")) {
            ArrayNode embeds = (ArrayNode) sent.get("embeds").deepCopy();
            embeds.forEach(e -> ((ObjectNode) e).put("type", "rich")); // Discord says what kind it stored
            message.set("embeds", embeds);
        }
        ObjectNode row =
                message.putArray("components").addObject().put("type", 1).put("id", 1);
        row.putArray("components")
                .addObject()
                .put("type", 2)
                .put("id", 2)
                .put("style", 1)
                .put("label", "Run")
                .put("custom_id", customId);
        d.set("message", message);
        return new GatewayEvent("INTERACTION_CREATE", d);
    }

    private ObjectNode interaction(Author author, int type, String... roleIds) {
        ObjectNode d = Json.template("discord/interaction-create.json");
        d.put("id", nextId());
        d.put("type", type);
        d.put("token", "token-" + d.get("id").asText());
        ObjectNode member = (ObjectNode) d.required("member");
        member.set("user", author.json());
        member.set("roles", roles(roleIds));
        d.remove("data");
        return d;
    }

    private static ArrayNode roles(String... roleIds) {
        ArrayNode roles = Json.array();
        for (String id : roleIds) {
            roles.add(id);
        }
        return roles;
    }

    private String nextId() {
        return Long.toString(snowflakes.incrementAndGet());
    }
}
