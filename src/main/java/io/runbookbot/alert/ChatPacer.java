package io.runbookbot.alert;

import io.runbookbot.core.IncidentIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages to chat channels at the pace the platform allows, for Slack and Discord alike:
 * per channel, messages go out one at a time in the order they were handed in, at least
 * {@link PacerSettings#interval()} apart. A rate-limited post waits the {@code Retry-After} the
 * platform gave (and the channel with it, or every channel when the limit is global); an unavailable platform is tried again after a wait
 * that doubles up to {@link PacerSettings#maxBackoff()}. A message not posted within
 * {@link PacerSettings#giveUpAfter()} of its first attempt, rejected for good, or arriving at a full
 * channel queue is given up: logged with an incident id, and the next message of the channel goes
 * on. Channels do not wait for each other.
 *
 * @param <M> what a message is for the platform
 */
public final class ChatPacer<M> {
    private static final Logger LOG = LoggerFactory.getLogger(ChatPacer.class);

    private final ChannelPoster<M> poster;
    private final DelayScheduler scheduler;
    private final PacerSettings settings;
    private final String platform;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

    /** {@code platform} ("slack", "discord") names the poster in log lines. */
    public ChatPacer(ChannelPoster<M> poster, DelayScheduler scheduler, PacerSettings settings, String platform) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** Queues {@code message} for {@code channel}; the future completes when it is posted or given up. */
    public CompletableFuture<Delivery> submit(String channel, M message) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
        Lane lane = lanes.computeIfAbsent(channel, Lane::new);
        Pending<M> pending = new Pending<>(message);
        synchronized (lane) {
            if (lane.queue.size() < settings.maxQueued()) {
                lane.queue.add(pending);
                if (!lane.busy) {
                    lane.busy = true;
                    scheduler.schedule(untilFree(lane), () -> attempt(lane));
                }
                return pending.result;
            }
        }
        pending.result.complete(giveUp(
                channel, pending, "the channel's queue is full (" + settings.maxQueued() + " messages waiting)"));
        return pending.result;
    }

    /** Messages waiting (or being posted) for {@code channel}. */
    public int queued(String channel) {
        Lane lane = lanes.get(channel);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.queue.size();
        }
    }

    private void attempt(Lane lane) {
        Pending<M> head;
        synchronized (lane) {
            head = lane.queue.peek();
        }
        if (head == null) {
            return;
        }
        Instant now = scheduler.now();
        Instant paused = pausedUntil.get();
        if (now.isBefore(paused)) {
            scheduler.schedule(Duration.between(now, paused), () -> attempt(lane));
            return;
        }
        if (head.attempts == 0) {
            head.deadline = now.plus(settings.giveUpAfter());
        }
        head.attempts++;
        PostAttempt outcome = call(lane.channel, head.message);
        Duration retry = retryDelay(outcome, head);
        synchronized (lane) {
            lane.free = now.plus(settings.interval());
            if (retry != null && retry.compareTo(Duration.between(now, head.deadline)) <= 0) {
                lane.free = later(lane.free, now.plus(retry));
                if (outcome.kind() == PostAttempt.Kind.GLOBALLY_RATE_LIMITED) {
                    pausedUntil.accumulateAndGet(now.plus(retry), ChatPacer::later);
                }
                scheduler.schedule(retry, () -> attempt(lane));
                return;
            }
            lane.queue.poll();
            if (lane.queue.isEmpty()) {
                lane.busy = false;
            } else {
                scheduler.schedule(untilFree(lane), () -> attempt(lane));
            }
        }
        head.result.complete(finished(lane.channel, head, outcome, retry));
    }

    private PostAttempt call(String channel, M message) {
        try {
            return Objects.requireNonNull(poster.post(channel, message), "poster returned null");
        } catch (RuntimeException e) {
            LOG.warn("{} post to {} failed, will try again: {}", platform, channel, e.toString());
            return PostAttempt.unavailable(e.getClass().getSimpleName());
        }
    }

    /** The wait before the next attempt, or null when there is none to make. */
    private @Nullable Duration retryDelay(PostAttempt outcome, Pending<M> head) {
        return switch (outcome.kind()) {
            case POSTED, REJECTED -> null;
            case RATE_LIMITED, GLOBALLY_RATE_LIMITED -> later(outcome.retryAfter(), settings.interval());
            case UNAVAILABLE -> settings.backoff(++head.failures);
        };
    }

    private Delivery finished(String channel, Pending<M> head, PostAttempt outcome, @Nullable Duration retry) {
        return switch (outcome.kind()) {
            case POSTED -> Delivery.posted(channel, head.attempts);
            case REJECTED -> giveUp(channel, head, "rejected: " + outcome.detail());
            case RATE_LIMITED, GLOBALLY_RATE_LIMITED, UNAVAILABLE ->
                giveUp(
                        channel,
                        head,
                        "still " + describe(outcome) + " after "
                                + head.attempts + " attempts; the next one (in " + retry + ") would pass the limit of "
                                + settings.giveUpAfter());
        };
    }

    private static String describe(PostAttempt outcome) {
        return outcome.kind() != PostAttempt.Kind.UNAVAILABLE
                ? outcome.detail() + " (Retry-After " + outcome.retryAfter() + ")"
                : "unavailable (" + outcome.detail() + ")";
    }

    private Delivery giveUp(String channel, Pending<M> pending, String reason) {
        String incident = IncidentIds.next();
        LOG.error("incident {}: gave up posting to {} channel {}: {}", incident, platform, channel, reason);
        return Delivery.gaveUp(channel, pending.attempts, incident, reason);
    }

    private Duration untilFree(Lane lane) {
        Duration wait = Duration.between(scheduler.now(), lane.free);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static <T extends Comparable<? super T>> T later(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One channel: its queue (the head is the message in flight) and when it may next be posted to. */
    private final class Lane {
        final String channel;
        final ArrayDeque<Pending<M>> queue = new ArrayDeque<>();
        boolean busy;
        Instant free = Instant.EPOCH;

        Lane(String channel) {
            this.channel = channel;
        }
    }

    private static final class Pending<M> {
        final M message;
        final CompletableFuture<Delivery> result = new CompletableFuture<>();
        int attempts;
        int failures;
        Instant deadline = Instant.MAX;

        Pending(M message) {
            this.message = message;
        }
    }
}
