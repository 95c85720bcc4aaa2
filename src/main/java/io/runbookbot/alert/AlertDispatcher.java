package io.runbookbot.alert;

import io.runbookbot.core.IncidentIds;
import io.runbookbot.core.alert.AlertDeliveryException;
import io.runbookbot.core.alert.AlertDestination;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager notifications from webhook to chat. {@link #offer} checks a body and writes it to the
 * journal (forced to disk) before the webhook answers 200; one worker then takes the journal's
 * entries in order, routes each, and hands each (route, platform) its {@link GroupSend} through that
 * platform's {@link ChatPacer}. An entry leaves the journal once every send of it is posted or given
 * up, so a restart replays what was not done, and the message store turns a replay into an edit,
 * never a second message.
 */
public final class AlertDispatcher implements AlertInbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /** What /metrics counts. */
    public interface Events {
        void posted();

        void updated();

        void failed();

        void unmatched();
    }

    private final AlertJournal journal;
    private final AlertMessageStore store;
    private final AlertRoutes routes;
    private final AlertComposer composer;
    private final Map<String, AlertDestination> destinations;
    private final Map<String, ChatPacer<GroupSend>> pacers = new LinkedHashMap<>();
    private final Clock clock;
    private final Events events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "alert-dispatch"));
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> daemon(r, "alert-pacer"));

    /**
     * Replays what the journal still holds, then takes new notifications.
     *
     * @param destinations by platform ("slack", "discord"); a route's channel on a platform without
     *                     one is logged and counted as failed
     */
    public AlertDispatcher(
            AlertJournal journal,
            AlertMessageStore store,
            AlertRoutes routes,
            AlertComposer composer,
            Map<String, AlertDestination> destinations,
            PacerSettings pacing,
            Clock clock,
            Events events) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.store = Objects.requireNonNull(store, "store");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.destinations = Map.copyOf(destinations);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        DelayScheduler scheduler = DelayScheduler.of(timers, clock);
        this.destinations.forEach((platform, destination) -> pacers.put(
                platform, new ChatPacer<>((channel, send) -> attempt(destination, send), scheduler, pacing, platform)));
        List<Long> pending = journal.pending();
        if (!pending.isEmpty()) {
            LOG.info("Alerts: replaying {} notification(s) the journal still holds", pending.size());
        }
        pending.forEach(seq -> worker.execute(() -> dispatch(seq)));
    }

    @Override
    public Verdict offer(byte[] body) {
        AlertNotification notification;
        try {
            notification = AlertPayloads.parse(body);
        } catch (AlertPayloadException e) {
            return Verdict.invalid(e.getMessage());
        }
        AlertJournal.Entry entry;
        try {
            entry = journal.append(body);
        } catch (AlertJournalFullException e) {
            return Verdict.unavailable(e.getMessage());
        } catch (IOException e) {
            String incident = IncidentIds.next();
            LOG.error("incident {}: the alert journal could not be written", incident, e);
            return Verdict.unavailable("the alert journal could not be written (incident " + incident + ")");
        }
        worker.execute(() -> dispatch(entry.seq()));
        return Verdict.queued("queued " + notification.alerts().size() + " alert(s) of " + notification.status()
                + " group " + AlertComposer.clean(notification.groupKey(), 200));
    }

    private void dispatch(long seq) {
        Optional<AlertJournal.Entry> entry;
        AlertNotification n;
        try {
            entry = journal.read(seq);
            if (entry.isEmpty()) {
                return;
            }
            n = AlertPayloads.parse(entry.get().body());
        } catch (IOException | AlertPayloadException | RuntimeException e) {
            String incident = IncidentIds.next();
            LOG.error("incident {}: alert journal entry {} cannot be read; it is set aside", incident, seq, e);
            remove(seq);
            return;
        }
        List<CompletableFuture<Delivery>> sends = new ArrayList<>();
        for (AlertRoute route : routes.select(n)) {
            route.slackChannel().ifPresent(channel -> sends.add(submit("slack", channel, route, n)));
            route.discordChannel().ifPresent(channel -> sends.add(submit("discord", channel, route, n)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> remove(seq));
    }

    private CompletableFuture<Delivery> submit(String platform, String channel, AlertRoute route, AlertNotification n) {
        ChatPacer<GroupSend> pacer = pacers.get(platform);
        if (pacer == null) {
            LOG.warn(
                    "Alerts: route {} posts to a {} channel, but {} is not configured",
                    route.name(),
                    platform,
                    platform);
            events.failed();
            return CompletableFuture.completedFuture(
                    new Delivery(channel, false, 0, Optional.empty(), platform + " is not configured"));
        }
        List<AlertChanges.Now> now = n.alerts().stream()
                .map(a -> new AlertChanges.Now(a.fingerprint(), a.firing(), AlertComposer.label(a)))
                .toList();
        GroupSend send = new GroupSend(
                new AlertMessageStore.Key(n.groupKey(), route.name(), platform),
                channel,
                (firing, resolved) -> composer.compose(n, route, firing, resolved),
                now,
                n.status().equals(Alert.RESOLVED));
        return pacer.submit(channel, send).whenComplete((delivery, failure) -> {
            if (failure != null || !delivery.posted()) {
                events.failed();
            }
        });
    }

    private PostAttempt attempt(AlertDestination destination, GroupSend send) {
        try {
            GroupSend.Outcome outcome = send.send(destination, store, clock);
            if (outcome.posted()) {
                events.posted();
            } else {
                events.updated();
            }
            if (outcome.unmatched()) {
                events.unmatched();
            }
            return PostAttempt.posted();
        } catch (AlertDeliveryException e) {
            return e.retryAfter()
                    .map(PostAttempt::rateLimited)
                    .orElseGet(() -> e.retryable()
                            ? PostAttempt.unavailable(e.getMessage())
                            : PostAttempt.rejected(e.getMessage()));
        } catch (IOException e) {
            return PostAttempt.unavailable("the alert message store could not be written: " + e.getMessage());
        }
    }

    private void remove(long seq) {
        try {
            journal.remove(seq);
        } catch (IOException e) {
            LOG.warn("Alerts: journal entry {} could not be removed; a restart will replay it as an edit", seq, e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Stops taking work; what is still in the journal is replayed at the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
        timers.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
