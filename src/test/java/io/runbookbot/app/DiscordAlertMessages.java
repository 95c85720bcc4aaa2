package io.runbookbot.app;

import io.runbookbot.fakes.FakeDiscord;
import io.runbookbot.fakes.RecordedRequest;
import java.time.Duration;
import java.util.List;

/**
 * What serve sent the fake Discord for alert groups, found by channel and embed title ({@code 🔥
 * FIRING 2 · KubePodCrashLooping}, {@code ✅ RESOLVED · ...}): the group's message, its edits
 * ({@code PATCH channels/C/messages/ID}) and the replies under it (a message referencing ID).
 */
record DiscordAlertMessages(FakeDiscord discord, String channel, Duration timeout) {
    static final String FIRING = "\ud83d\udd25 FIRING ";
    static final String RESOLVED = "\u2705 RESOLVED · ";

    private String messages() {
        return "channels/" + channel + "/messages";
    }

    /** The first new message of the channel whose title is {@code title}. */
    RecordedRequest awaitPost(String title) {
        return discord.awaitCall(r -> isPost(r) && title(r).equals(title), timeout);
    }

    /** The first new message or edit of the channel whose title is {@code title}: a group as it now stands. */
    RecordedRequest awaitPostOrEdit(String title) {
        return discord.awaitCall(r -> (isPost(r) || isEdit(r)) && title(r).equals(title), timeout);
    }

    /** Every new message (not a reply) of the channel whose title ends with {@code · alertName}. */
    List<RecordedRequest> posts(String alertName) {
        return discord.calls().matching(r -> isPost(r) && title(r).endsWith("· " + alertName));
    }

    /** The first edit of a message of the channel that gives it the title {@code title}. */
    RecordedRequest awaitEdit(String title) {
        return discord.awaitCall(r -> isEdit(r) && title(r).equals(title), timeout);
    }

    /** The {@code count}-th edit of message {@code id} (1 = the first). */
    RecordedRequest awaitEdit(String id, int count) {
        return discord.calls()
                .awaitCount(r -> isEdit(r) && r.route().equals(messages() + "/" + id), count, timeout)
                .get(count - 1);
    }

    /** The id of the message an edit edited. */
    static String id(RecordedRequest edit) {
        return edit.route().substring(edit.route().lastIndexOf('/') + 1);
    }

    /** The first reply under message {@code id} whose text starts with {@code prefix}. */
    RecordedRequest awaitReply(String id, String prefix) {
        return discord.awaitCall(
                r -> isReply(r, id) && r.json().path("content").asText().startsWith(prefix), timeout);
    }

    /** Every reply under message {@code id}. */
    List<RecordedRequest> replies(String id) {
        return discord.calls().matching(r -> isReply(r, id));
    }

    static String title(RecordedRequest r) {
        return r.json().path("embeds").path(0).path("title").asText();
    }

    /** The embed's description and footer: labels, alert lines, the section and where it is. */
    static String text(RecordedRequest r) {
        return r.json().path("embeds").path(0).path("description").asText() + "\n"
                + r.json().path("embeds").path(0).path("footer").path("text").asText();
    }

    private boolean isPost(RecordedRequest r) {
        return r.is("POST", messages()) && !r.json().has("message_reference");
    }

    private boolean isEdit(RecordedRequest r) {
        return r.method().equals("PATCH") && r.route().startsWith(messages() + "/");
    }

    private boolean isReply(RecordedRequest r, String id) {
        return r.is("POST", messages())
                && r.json()
                        .path("message_reference")
                        .path("message_id")
                        .asText()
                        .equals(id);
    }
}
