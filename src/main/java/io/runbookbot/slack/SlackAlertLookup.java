package io.runbookbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.LookupRefusal;
import io.runbookbot.core.alert.PostedMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the bot's message for an alert group in a channel's recent history: {@code
 * conversations.history} from a moment on, with {@code include_all_metadata} (without it Slack
 * leaves metadata out), at most {@value #PAGES} pages of {@value #PAGE_SIZE}; the message is the
 * bot's own ({@code bot_id} as {@code auth.test} names it, asked once), top level, with metadata
 * {@value #EVENT_TYPE} whose {@value #GROUP} is the marker. Needs the {@code channels:history}
 * scope ({@code groups:history} in a private channel): when Slack refuses, the first refusal is
 * logged saying what to grant, and the caller posts.
 */
final class SlackAlertLookup {
    static final String EVENT_TYPE = "runbook_bot_alert";
    static final String GROUP = "group";
    static final int PAGE_SIZE = 100;
    static final int PAGES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(SlackAlertLookup.class);

    private final MethodsClient client;
    private final LookupRefusal refusal = new LookupRefusal(
            LOG,
            "Alerts: Slack refused to show the bot channel {}'s recent messages ({}). After a restart"
                    + " the bot cannot find a group's message it may have posted just before it stopped, so it posts"
                    + " that group again. Give the Slack app the channels:history scope (groups:history for private"
                    + " channels), reinstall it and invite the bot to the channel.");
    private volatile @Nullable String botId;

    SlackAlertLookup(MethodsClient client) {
        this.client = client;
    }

    Optional<PostedMessage> find(String channel, String marker, Instant since) throws AlertDeliveryException {
        try {
            return search(channel, marker, since);
        } catch (AlertDeliveryException e) {
            if (!e.retryable()) {
                refusal.log(channel, e);
            }
            throw e;
        }
    }

    private Optional<PostedMessage> search(String channel, String marker, Instant since) throws AlertDeliveryException {
        String self = botId();
        String oldest = String.format("%d.%06d", since.getEpochSecond(), since.getNano() / 1000);
        String cursor = null;
        for (int page = 0; page < PAGES; page++) {
            String from = cursor;
            ConversationsHistoryResponse answer = SlackAlertPoster.call(
                    "conversations.history",
                    () -> client.conversationsHistory(r -> r.channel(channel)
                            .oldest(oldest)
                            .limit(PAGE_SIZE)
                            .includeAllMetadata(true)
                            .cursor(from)));
            for (Message m : answer.getMessages() == null ? java.util.List.<Message>of() : answer.getMessages()) {
                if (self.equals(m.getBotId()) && topLevel(m) && carries(m.getMetadata(), marker)) {
                    return Optional.of(new PostedMessage(channel, m.getTs()));
                }
            }
            cursor = answer.getResponseMetadata() == null
                    ? null
                    : answer.getResponseMetadata().getNextCursor();
            if (!answer.isHasMore() || cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return Optional.empty();
    }

    private String botId() throws AlertDeliveryException {
        String known = botId;
        if (known == null) {
            AuthTestResponse me = SlackAlertPoster.call("auth.test", () -> client.authTest(r -> r));
            if (me.getBotId() == null || me.getBotId().isEmpty()) {
                throw AlertDeliveryException.refused("auth.test names no bot: the token is not a bot token");
            }
            known = me.getBotId();
            botId = known;
        }
        return known;
    }

    private static boolean topLevel(Message m) {
        return m.getThreadTs() == null || m.getThreadTs().equals(m.getTs());
    }

    private static boolean carries(Message.@Nullable Metadata metadata, String marker) {
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType())) {
            return false;
        }
        Map<String, Object> payload = metadata.getEventPayload();
        return payload != null && marker.equals(payload.get(GROUP));
    }
}
