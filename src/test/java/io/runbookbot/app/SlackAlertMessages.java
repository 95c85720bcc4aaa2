package io.runbookbot.app;

import io.runbookbot.fakes.FakeSlack;
import io.runbookbot.fakes.RecordedRequest;
import java.time.Duration;
import java.util.List;

/**
 * What serve sent the fake Slack for alert groups in one channel: the groups' top-level messages,
 * their edits ({@code chat.update}) and the lines in their threads.
 */
record SlackAlertMessages(FakeSlack slack, String channel, Duration timeout) {

    /** Every top-level message of the channel. */
    List<RecordedRequest> posts() {
        return slack.callsTo("chat.postMessage").stream()
                .filter(r -> inChannel(r) && r.param("thread_ts").isEmpty())
                .toList();
    }

    /** Every top-level message of the channel whose headline ends with {@code · alertName}. */
    List<RecordedRequest> posts(String alertName) {
        return posts().stream()
                .filter(r -> r.param("text").orElse("").endsWith("· " + alertName))
                .toList();
    }

    /** The first top-level message of the channel whose text (the headline) is {@code headline}. */
    RecordedRequest awaitPost(String headline) {
        return slack.awaitCall(
                "chat.postMessage",
                r -> inChannel(r)
                        && r.param("thread_ts").isEmpty()
                        && r.param("text").orElse("").equals(headline),
                timeout);
    }

    /** The first top-level message or edit of the channel whose text (the headline) is {@code headline}. */
    RecordedRequest awaitPostOrUpdate(String headline) {
        return slack.calls()
                .await(
                        r -> (r.route().equals("chat.update")
                                        || (r.route().equals("chat.postMessage")
                                                && r.param("thread_ts").isEmpty()))
                                && inChannel(r)
                                && r.param("text").orElse("").equals(headline),
                        timeout);
    }

    /** The first edit of a message of the channel whose blocks contain {@code text}. */
    RecordedRequest awaitUpdate(String text) {
        return slack.awaitCall(
                "chat.update",
                r -> inChannel(r) && r.paramJson("blocks").toString().contains(text),
                timeout);
    }

    /** The first thread line of the channel that contains {@code text}. */
    RecordedRequest awaitThreadLine(String text) {
        return slack.awaitCall(
                "chat.postMessage",
                r -> inChannel(r)
                        && r.param("thread_ts").isPresent()
                        && r.param("text").orElse("").contains(text),
                timeout);
    }

    private boolean inChannel(RecordedRequest r) {
        return r.param("channel").orElse("").equals(channel);
    }
}
