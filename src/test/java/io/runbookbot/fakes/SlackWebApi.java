package io.runbookbot.fakes;

import static io.runbookbot.fakes.SlackPayloads.APP_ID;
import static io.runbookbot.fakes.SlackPayloads.BOT_ID;
import static io.runbookbot.fakes.SlackPayloads.BOT_USER_ID;
import static io.runbookbot.fakes.SlackPayloads.OTHER_BOT_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's default answers to the Web API methods the bot uses. Like Slack, it answers HTTP 200
 * with {@code ok:false} for a missing token ({@code not_authed}), an app token used for a bot
 * method or the reverse ({@code not_allowed_token_type}; {@code auth.test} takes both) and an
 * unknown method ({@code unknown_method}).
 */
final class SlackWebApi {

    private final URI socketUrl;
    private final AtomicInteger messages = new AtomicInteger();

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
                return ok().put("channel", param(request, "channel"))
                        .put("ts", param(request, "ts"))
                        .put("text", param(request, "text"));
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

    private ObjectNode posted(RecordedRequest request) {
        String ts = nextTs();
        ObjectNode message = Json.object();
        message.put("type", "message");
        message.put("user", BOT_USER_ID);
        message.put("bot_id", BOT_ID);
        message.put("app_id", APP_ID);
        message.put("text", param(request, "text"));
        message.put("ts", ts);
        request.param("thread_ts").ifPresent(thread -> message.put("thread_ts", thread));
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

    private String nextTs() {
        return String.format("1700000100.%06d", messages.incrementAndGet());
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
