package io.runbookbot.fakes;

import static io.runbookbot.fakes.DiscordEvents.CHANNEL_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbookbot.fakes.FakeHttpServer.Reply;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's Discord REST API below {@code /api/v10/}: the routes a bot uses to log in, post, edit
 * and list a channel's messages ({@link DiscordChannels}: nonces, history), answer interactions
 * and register commands. Anything else is a 404 with Discord's
 * error body; bot routes without {@code Authorization: Bot ...} get a 401.
 */
final class DiscordRest {

    private static final int EPHEMERAL = 64;
    private static final int MAX_NONCE = 25;

    private final AtomicLong snowflakes;
    private final DiscordChannels channels = new DiscordChannels();

    /** Interaction id → the pushed event, to answer callbacks in the right channel and message. */
    private final Map<String, GatewayEvent> interactions = new ConcurrentHashMap<>();

    DiscordRest(AtomicLong snowflakes) {
        this.snowflakes = snowflakes;
    }

    void remember(GatewayEvent event) {
        if (event.type().equals("INTERACTION_CREATE")) {
            interactions.put(event.id(), event);
        }
    }

    Reply handle(RecordedRequest request) {
        String[] path = request.route().split("/");
        String method = request.method();
        boolean botRoute = path[0].equals("users") || path[0].equals("channels") || path[0].equals("applications");
        if (botRoute && !request.header("authorization").orElse("").startsWith("Bot ")) {
            return error(401, "401: Unauthorized");
        }
        if (request.route().equals("users/@me") && method.equals("GET")) {
            return Reply.json(Json.template("discord/users-me.json"));
        }
        if (path[0].equals("channels") && path.length >= 3 && path[2].equals("messages")) {
            return channelMessages(request, path);
        }
        if (path[0].equals("interactions") && path.length == 4 && path[3].equals("callback") && method.equals("POST")) {
            return callback(request, path[1]);
        }
        if (path[0].equals("webhooks") && path.length >= 3) {
            return webhook(request, path);
        }
        if (path[0].equals("applications") && path[path.length - 1].equals("commands")) {
            return commands(request, path.length == 5 ? path[3] : "");
        }
        return error(404, "404: Not Found");
    }

    private Reply channelMessages(RecordedRequest request, String[] path) {
        String channel = path[1];
        if (path.length == 3 && request.method().equals("POST")) {
            return post(channel, request.json());
        }
        if (path.length == 3 && request.method().equals("GET")) {
            return channels.list(channel, request.query())
                    .map(Reply::json)
                    .orElseGet(() -> invalidForm("limit must be 1 to 100"));
        }
        if (path.length == 4 && request.method().equals("PATCH")) {
            return Reply.json(channels.edit(channel, path[3], request.json())
                    .orElseGet(() -> message(channel, path[3], request.json())));
        }
        if (path.length == 4 && request.method().equals("DELETE")) {
            return Reply.noContent();
        }
        return error(404, "404: Not Found");
    }

    /** A new message, or with {@code enforce_nonce} the one a recent post with the same nonce created. */
    private Reply post(String channel, JsonNode sent) {
        String nonce = sent.path("nonce").asText("");
        if (nonce.length() > MAX_NONCE) {
            return invalidForm("nonce: Must be " + MAX_NONCE + " or fewer in length.");
        }
        if (sent.path("enforce_nonce").asBoolean() && !nonce.isEmpty()) {
            Optional<ObjectNode> earlier = channels.withNonce(channel, nonce);
            if (earlier.isPresent()) {
                return Reply.json(earlier.get());
            }
        }
        ObjectNode message = message(channel, channels.nextId(), sent);
        channels.add(channel, message, nonce);
        if (!nonce.isEmpty()) {
            message.put("nonce", nonce);
        }
        return Reply.json(message);
    }

    DiscordChannels channels() {
        return channels;
    }

    private static Reply invalidForm(String why) {
        return Reply.json(
                400, Json.object().put("message", "Invalid Form Body: " + why).put("code", 50035));
    }

    /** Interaction callbacks: JDA 6 asks {@code with_response=true} and reads the resource. */
    private Reply callback(RecordedRequest request, String interactionId) {
        if (!request.query().getOrDefault("with_response", "").equals("true")) {
            return Reply.noContent();
        }
        int type = request.json().path("type").asInt();
        JsonNode data = request.json().path("data");
        GatewayEvent event = interactions.get(interactionId);
        String channel =
                event == null ? CHANNEL_ID : event.data().path("channel_id").asText(CHANNEL_ID);
        ObjectNode answer = Json.object();
        ObjectNode interaction = answer.putObject("interaction");
        interaction.put("id", interactionId);
        interaction.put("type", event == null ? 2 : event.data().path("type").asInt(2));
        ObjectNode resource = answer.putObject("resource").put("type", type);
        if (type == 4 || type == 7) {
            String messageId = type == 7 && event != null
                    ? event.data().path("message").path("id").asText()
                    : nextId();
            ObjectNode message = message(channel, messageId, data);
            message.put("webhook_id", DiscordEvents.APPLICATION_ID);
            resource.set("message", message);
            interaction.put("response_message_id", messageId);
            interaction.put("response_message_loading", false);
            interaction.put("response_message_ephemeral", (data.path("flags").asInt() & EPHEMERAL) != 0);
        }
        return Reply.json(answer);
    }

    /** Interaction follow-ups and edits of the original response. */
    private Reply webhook(RecordedRequest request, String[] path) {
        String channel = interactions.values().stream()
                .filter(event -> event.token().equals(path[2]))
                .map(event -> event.data().path("channel_id").asText(CHANNEL_ID))
                .findFirst()
                .orElse(CHANNEL_ID);
        if (path.length == 3 && request.method().equals("POST")) {
            return Reply.json(webhookMessage(channel, nextId(), request.json()));
        }
        if (path.length == 5 && path[3].equals("messages")) {
            switch (request.method()) {
                case "PATCH":
                case "GET":
                    return Reply.json(webhookMessage(channel, messageId(path[4]), request.json()));
                case "DELETE":
                    return Reply.noContent();
                default:
                    break;
            }
        }
        return error(404, "404: Not Found");
    }

    /** Bulk overwrite (PUT, answers the list) or upsert (POST, answers one) of commands. */
    private Reply commands(RecordedRequest request, String guildId) {
        switch (request.method()) {
            case "PUT":
                ArrayNode list = Json.array();
                request.json().forEach(command -> list.add(command(command, guildId)));
                return Reply.json(list);
            case "POST":
                return Reply.json(command(request.json(), guildId));
            case "GET":
                return Reply.json(Json.array());
            default:
                return error(404, "404: Not Found");
        }
    }

    private ObjectNode command(JsonNode sent, String guildId) {
        ObjectNode command = sent.deepCopy();
        command.put("id", nextId());
        command.put("application_id", DiscordEvents.APPLICATION_ID);
        command.put("version", command.get("id").asText());
        if (!command.has("type")) {
            command.put("type", 1);
        }
        if (!guildId.isEmpty()) {
            command.put("guild_id", guildId);
        }
        return command;
    }

    private ObjectNode webhookMessage(String channel, String id, JsonNode sent) {
        ObjectNode message = message(channel, id, sent);
        message.put("webhook_id", DiscordEvents.APPLICATION_ID);
        message.put("application_id", DiscordEvents.APPLICATION_ID);
        return message;
    }

    /** The message Discord would store for what the bot sent. */
    private static ObjectNode message(String channel, String id, JsonNode sent) {
        ObjectNode message = Json.template("discord/message.json");
        message.put("id", id);
        message.put("channel_id", channel);
        message.put("content", sent.path("content").asText(""));
        message.put("flags", sent.path("flags").asInt(0) & EPHEMERAL);
        for (String array : new String[] {"embeds", "components"}) {
            if (sent.path(array).isArray()) {
                message.set(array, sent.get(array).deepCopy());
            }
        }
        // Discord says what kind of embed it stored
        message.path("embeds").forEach(e -> ((ObjectNode) e).put("type", "rich"));
        JsonNode reference = sent.path("message_reference");
        if (reference.isObject()) {
            message.put("type", 19);
            message.set("message_reference", ((ObjectNode) reference.deepCopy()).put("channel_id", channel));
        }
        return message;
    }

    private String messageId(String pathSegment) {
        return pathSegment.equals("@original") ? nextId() : pathSegment;
    }

    private String nextId() {
        return Long.toString(snowflakes.incrementAndGet());
    }

    private static Reply error(int status, String text) {
        return Reply.json(status, Json.object().put("message", text).put("code", 0));
    }
}
