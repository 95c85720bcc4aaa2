package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import io.runbookbot.core.chat.TextChunks;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Alert groups posted to Slack: {@code chat.postMessage} for a new group, {@code chat.update} when
 * it changes, a thread reply for what changed. Slack's answers become {@link AlertDeliveryException}s
 * the pacer understands: 429 with its {@code Retry-After}, a refusal that no retry changes
 * (unknown channel, bot not in the channel, blocks refused), or the API unreachable. A group's
 * message carries its marker as message metadata (event type {@value SlackAlertLookup#EVENT_TYPE}),
 * which {@link #find} looks for in the channel's history ({@link SlackAlertLookup}).
 */
public final class SlackAlertPoster implements AlertDestination {
    /** Errors that retrying cannot fix. */
    private static final Set<String> FINAL = Set.of(
            "channel_not_found",
            "not_in_channel",
            "is_archived",
            "invalid_blocks",
            "msg_too_long",
            "message_not_found",
            "cant_update_message",
            "invalid_auth",
            "account_inactive",
            "token_revoked",
            "missing_scope",
            "restricted_action");

    private final MethodsClient client;
    private final SlackAlertLookup lookup;

    public SlackAlertPoster(MethodsClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.lookup = new SlackAlertLookup(client);
    }

    @Override
    public String platform() {
        return "slack";
    }

    @Override
    public PostedMessage post(String channel, AlertPost post) throws AlertDeliveryException {
        SlackMessage message = SlackAlertFormatter.format(post);
        var answer = call(
                "chat.postMessage",
                () -> client.chatPostMessage(r -> r.channel(channel)
                        .text(message.text())
                        .blocks(message.blocks())
                        .metadata(metadata(post))
                        .unfurlLinks(false)));
        return new PostedMessage(answer.getChannel() == null ? channel : answer.getChannel(), answer.getTs());
    }

    @Override
    public void update(PostedMessage posted, AlertPost post) throws AlertDeliveryException {
        SlackMessage message = SlackAlertFormatter.format(post);
        call(
                "chat.update",
                () -> client.chatUpdate(r -> r.channel(posted.channel())
                        .ts(posted.id())
                        .text(message.text())
                        .blocks(message.blocks())
                        .metadata(metadata(post))));
    }

    @Override
    public void note(PostedMessage posted, String line) throws AlertDeliveryException {
        String text = TextChunks.cut(SlackMarkdown.escape(line), SlackAnswerFormatter.MAX_TEXT);
        call(
                "chat.postMessage",
                () -> client.chatPostMessage(
                        r -> r.channel(posted.channel()).threadTs(posted.id()).text(text)));
    }

    @Override
    public Optional<PostedMessage> find(String channel, String marker, Instant since) throws AlertDeliveryException {
        return lookup.find(channel, marker, since);
    }

    /** The group's marker as message metadata; none (Slack keeps what the message had) for a post without one. */
    private static Message.@Nullable Metadata metadata(AlertPost post) {
        return post.marker().isEmpty()
                ? null
                : new Message.Metadata(SlackAlertLookup.EVENT_TYPE, Map.of(SlackAlertLookup.GROUP, post.marker()));
    }

    interface SlackCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws AlertDeliveryException {
        T answer;
        try {
            answer = call.call();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw AlertDeliveryException.rateLimited(
                        method + ": rate limited", retryAfter(e.getResponse().header("Retry-After")));
            }
            throw AlertDeliveryException.unavailable(method + ": HTTP " + status, e);
        } catch (IOException | RuntimeException e) {
            throw AlertDeliveryException.unavailable(
                    method + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (answer.isOk()) {
            return answer;
        }
        String error = TextChunks.cut(String.valueOf(answer.getError()), 100);
        if (error.equals("ratelimited")) {
            throw AlertDeliveryException.rateLimited(method + ": ratelimited", Duration.ofSeconds(1));
        }
        if (FINAL.contains(error)) {
            String needed = String.valueOf(answer.getNeeded());
            boolean named = answer.getNeeded() != null
                    && needed.length() <= 100
                    && needed.chars()
                            .allMatch(c -> c == ':' || c == ',' || c == '.' || c == '_' || c >= 'a' && c <= 'z');
            throw AlertDeliveryException.refused(method + ": " + error + (named ? " (needed: " + needed + ")" : ""));
        }
        throw AlertDeliveryException.unavailable(method + ": " + error, null);
    }

    /** Slack's {@code Retry-After} in seconds; 1 s when absent or unreadable, at most 5 minutes. */
    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.strip());
            return Duration.ofSeconds(Math.max(1, Math.min(300, seconds)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
