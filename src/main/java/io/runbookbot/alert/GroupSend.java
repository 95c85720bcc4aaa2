package io.runbookbot.alert;

import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import io.runbookbot.core.alert.AlertPost;
import io.runbookbot.core.alert.PostedMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One notification's message for one group in one channel, as the pacer sends it: the first time a
 * new top-level message (its id recorded at once), later an edit of that message plus a thread line
 * for what changed. The group's state is read from the store when the send happens, so sends of
 * one group, serialised by the pacer in one channel, build on each other in order.
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
        Optional<AlertMessageStore.Posted> before = store.get(key).filter(p -> !p.isPending());
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
            store.put(key, AlertMessageStore.Posted.pending(channel, firing, resolved, clock.instant()));
            PostedMessage message = destination.post(channel, post);
            store.put(
                    key,
                    new AlertMessageStore.Posted(
                            message.channel(), message.id(), message.id(), firing, resolved, clock.instant()));
            return new Outcome(true, post.section().isEmpty());
        }
        AlertMessageStore.Posted last = before.get();
        PostedMessage message = new PostedMessage(last.channel(), last.messageId());
        destination.update(message, post);
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
}
