package io.runbookbot.fakes;

import static io.runbookbot.fakes.SlackPayloads.APP_ID;
import static io.runbookbot.fakes.SlackPayloads.BOT_ID;
import static io.runbookbot.fakes.SlackPayloads.BOT_USER_ID;
import static io.runbookbot.fakes.SlackPayloads.OTHER_BOT_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's default answers to the Web API methods the bot uses. Like Slack, it answers HTTP 200
 * with {@code ok:false} for a missing token ({@code not_authed}), an app token used for a bot
 * method or the reverse ({@code not_allowed_token_type}; {@code auth.test} takes both) and an
 * unknown method ({@code unknown_method}). Messages posted with {@code chat.postMessage} are kept
 * ({@link SlackHistory}) with their {@code metadata}, for {@code conversations.history}; a message's
 * {@code ts} is the time it was posted (unique, increasing), as Slack's is.
 */
final class SlackWebApi {

    private final URI socketUrl;
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicLong lastMicros = new AtomicLong();
    private final SlackHistory history = new SlackHistory();

    SlackWebApi(URI socketUrl) {
        this.socketUrl = socketUrl;
    }

    JsonNode answer(String method, RecordedRequest request) {
        String token = token(request);
        if (token.isEmpty()) {
            return FakeSlack.error("not_authed");
        }
        if (method.equals("auth.test")) {
            return authTest(token);
        }
        if (token.startsWith("xapp-") != method.equals("apps.connections.open")) {
            return FakeSlack.error("not_allowed_token_type");
        }
        switch (method) {
            case "apps.connections.open":
                return ok().put("url", socketUrl.toString());
            case "chat.postMessage":
                return posted(request);
            case "chat.postEphemeral":
                return ok().put("message_ts", nextTs());
            case "chat.update":
                if (!validMetadata(request)) {
                    return FakeSlack.error("invalid_metadata_format");
                }
                history.update(param(request, "channel"), param(request, "ts"), request);
                return ok().put("channel", param(request, "channel"))
                        .put("ts", param(request, "ts"))
                        .put("text", param(request, "text"));
            case "conversations.history":
                return history.history(request);
            case "bots.info":
                return botInfo(param(request, "bot"));
            case "views.open":
                return viewOpened();
            case "views.publish":
                return viewOpened().put("ok", true);
            default:
                return FakeSlack.error("unknown_method");
        }
    }

    /** The SDK also calls auth.test with the app token (Socket Mode): that one names no bot. */
    private static ObjectNode authTest(String token) {
        ObjectNode answer = Json.template("slack/auth-test.json");
        if (token.startsWith("xapp-")) {
            answer.remove(List.of("user", "user_id", "bot_id"));
            answer.put("app_id", APP_ID);
        }
        return answer;
    }

    /** The channels' messages, as {@code conversations.history} shows them. */
    SlackHistory history() {
        return history;
    }

    /** Slack refuses metadata that is not an object with a text {@code event_type} and an object {@code event_payload}. */
    private static boolean validMetadata(RecordedRequest request) {
        if (request.param("metadata").isEmpty()) {
            return true;
        }
        JsonNode metadata = request.paramJson("metadata");
        return metadata.path("event_type").isTextual()
                && !metadata.path("event_type").asText().isEmpty()
                && metadata.path("event_payload").isObject();
    }

    private ObjectNode posted(RecordedRequest request) {
        if (!validMetadata(request)) {
            return FakeSlack.error("invalid_metadata_format");
        }
        String ts = nextTs();
        ObjectNode message = Json.object();
        message.put("type", "message");
        message.put("user", BOT_USER_ID);
        message.put("bot_id", BOT_ID);
        message.put("app_id", APP_ID);
        message.put("text", param(request, "text"));
        message.put("ts", ts);
        request.param("thread_ts").ifPresent(thread -> message.put("thread_ts", thread));
        JsonNode blocks = request.paramJson("blocks");
        if (blocks.isArray()) {
            message.set("blocks", blocks.deepCopy());
        }
        if (request.param("metadata").isPresent()) {
            message.set("metadata", request.paramJson("metadata"));
        }
        history.add(param(request, "channel"), message.deepCopy());
        ObjectNode answer = ok().put("channel", param(request, "channel")).put("ts", ts);
        answer.set("message", message);
        return answer;
    }

    private static ObjectNode botInfo(String botId) {
        boolean self = BOT_ID.equals(botId);
        ObjectNode bot = Json.object();
        bot.put("id", botId);
        bot.put("deleted", false);
        bot.put("name", self ? "runbook-bot" : "other-bot");
        bot.put("updated", 1700000000);
        bot.put("app_id", self ? APP_ID : "A0OTHER");
        bot.put("user_id", self ? BOT_USER_ID : OTHER_BOT_USER_ID);
        bot.putObject("icons");
        ObjectNode answer = ok();
        answer.set("bot", bot);
        return answer;
    }

    private ObjectNode viewOpened() {
        ObjectNode view = Json.object();
        view.put("id", "V" + messages.incrementAndGet());
        view.put("team_id", SlackPayloads.TEAM_ID);
        view.put("type", "modal");
        view.put("app_id", APP_ID);
        view.put("bot_id", BOT_ID);
        ObjectNode answer = ok();
        answer.set("view", view);
        return answer;
    }

    /** The time now in Slack's {@code seconds.micros}, one microsecond past the last one given at least. */
    private String nextTs() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = lastMicros.updateAndGet(last -> Math.max(now, last + 1));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static String token(RecordedRequest request) {
        String auth = request.header("authorization").orElse("");
        if (auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length()).trim();
        }
        return request.param("token").orElse("");
    }

    private static String param(RecordedRequest request, String name) {
        return request.param(name).orElse("");
    }

    private static ObjectNode ok() {
        return Json.object().put("ok", true);
    }
}
