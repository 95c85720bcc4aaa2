package io.runbookbot.alert;

import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification's message for one group in one channel, as the pacer sends it: the first time a
 * new top-level message (its id recorded at once), later an edit of that message plus a thread line
 * for what changed. The group's state is read from the store when the send happens, so sends of
 * one group, serialised by the pacer in one channel, build on each other in order.
 *
 * <p>A first post is recorded as pending before it is sent. Finding a pending record means an
 * earlier post may have reached the platform without its id being recorded (the bot was killed,
 * the answer timed out): the platform is asked for the bot's message carrying the group's
 * {@link GroupMarker} since that attempt; found, it is recorded and updated instead of posting a
 * second one; not found, or the platform may not be asked (a missing scope), the group is posted.
 *
 * @param render        the message for the group's state (firing and resolved fingerprints) after
 *                      this notification
 * @param now           the alerts of this notification
 * @param groupResolved Alertmanager says every alert of the group has resolved
 */
record GroupSend(
        AlertMessageStore.Key key,
        String channel,
        BiFunction<Set<String>, Set<String>, AlertPost> render,
        List<AlertChanges.Now> now,
        boolean groupResolved) {
    GroupSend {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(render, "render");
        now = List.copyOf(now);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupSend.class);

    /** How far before a pending post's time its message is looked for: the clocks of the bot and the platform differ. */
    static final Duration LOOKBACK_MARGIN = Duration.ofMinutes(2);

    /**
     * What the send did, for the metrics.
     *
     * @param posted    a new message (else an edit of the group's message)
     * @param unmatched no runbook covers the alert
     */
    record Outcome(boolean posted, boolean unmatched) {}

    /** Sends through {@code destination}; the store is written before this returns. */
    Outcome send(AlertDestination destination, AlertMessageStore store, Clock clock)
            throws AlertDeliveryException, IOException {
        Optional<AlertMessageStore.Posted> stored = store.get(key);
        Optional<AlertMessageStore.Posted> pending = stored.filter(AlertMessageStore.Posted::isPending);
        Optional<AlertMessageStore.Posted> before =
                pending.isPresent() ? recover(destination, store, pending.get(), clock) : stored;
        Set<String> firing =
                new TreeSet<>(before.map(AlertMessageStore.Posted::firing).orElse(Set.of()));
        Set<String> resolved =
                new TreeSet<>(before.map(AlertMessageStore.Posted::resolved).orElse(Set.of()));
        for (AlertChanges.Now alert : now) {
            (alert.firing() ? firing : resolved).add(alert.fingerprint());
            (alert.firing() ? resolved : firing).remove(alert.fingerprint());
        }
        if (groupResolved) {
            resolved.addAll(firing);
            firing.clear();
        }
        AlertPost post = render.apply(firing, resolved);
        if (before.isEmpty()) {
            // a retry keeps the first attempt's time: the next lookup looks back to it
            Instant since = pending.map(AlertMessageStore.Posted::updatedAt).orElse(clock.instant());
            store.put(key, AlertMessageStore.Posted.pending(channel, firing, resolved, since));
            PostedMessage message = destination.post(channel, post.marked(GroupMarker.of(key, channel)));
            store.put(
                    key,
                    new AlertMessageStore.Posted(
                            message.channel(), message.id(), message.id(), firing, resolved, clock.instant()));
            return new Outcome(true, post.section().isEmpty());
        }
        AlertMessageStore.Posted last = before.get();
        PostedMessage message = new PostedMessage(last.channel(), last.messageId());
        destination.update(message, post.marked(GroupMarker.of(key, last.channel())));
        Optional<String> line = AlertChanges.line(last.firing(), now);
        store.put(
                key,
                new AlertMessageStore.Posted(
                        last.channel(), last.messageId(), last.threadId(), firing, resolved, clock.instant()));
        if (line.isPresent()) {
            destination.note(message, line.get());
        }
        return new Outcome(false, post.section().isEmpty());
    }

    /**
     * The message of a post that may have reached the platform without its id being recorded, as the
     * state the post showed; recorded at once. Empty when the platform has none or may not be asked.
     */
    private Optional<AlertMessageStore.Posted> recover(
            AlertDestination destination, AlertMessageStore store, AlertMessageStore.Posted pending, Clock clock)
            throws AlertDeliveryException, IOException {
        String marker = GroupMarker.of(key, pending.channel());
        Optional<PostedMessage> found;
        try {
            found = destination.find(
                    pending.channel(), marker, pending.updatedAt().minus(LOOKBACK_MARGIN));
        } catch (AlertDeliveryException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.info(
                    "Alerts: group {} of route {} may have been posted to {} before a restart, but its message"
                            + " cannot be looked for ({}); posting it",
                    marker,
                    key.route(),
                    destination.platform(),
                    AlertComposer.clean(String.valueOf(e.getMessage()), 300));
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PostedMessage message = found.get();
        AlertMessageStore.Posted recovered = new AlertMessageStore.Posted(
                message.channel(), message.id(), message.id(), pending.firing(), pending.resolved(), clock.instant());
        store.put(key, recovered);
        LOG.info(
                "Alerts: group {} of route {} was posted to {} before a restart (message {}); updating it, not"
                        + " posting it again",
                marker,
                key.route(),
                destination.platform(),
                AlertComposer.clean(message.id(), 100));
        return Optional.of(recovered);
    }
}
