package io.runbookbot.agent.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of refused unauthenticated requests, bounded. Anyone who can reach the agent's port
 * can send these, so per kind of refusal at most {@code perWindow} lines are written per window (a
 * minute by default); the rest of that window is only counted, and when the window ends one
 * summary line says how many were left out. Every refusal is counted ({@link #counts()}), whether
 * or not it got a line. A line that cannot be written is logged, never thrown: a refusal is
 * answered even when the disk is full. Thread-safe.
 */
public final class RefusalAudit implements AutoCloseable {
    public static final int DEFAULT_PER_WINDOW = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);

    private final AuditLog log;
    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    /** The open window of each kind; guarded by {@code this}. */
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder suppressed = new LongAdder();
    private final ScheduledExecutorService timer;

    /** One kind's current window: lines written, refusals left out, and the last one left out. */
    private static final class Window {
        final Instant start;
        int written;
        long suppressed;
        AuditRecord sample;

        Window(Instant start, AuditRecord sample) {
            this.start = start;
            this.sample = sample;
        }
    }

    private RefusalAudit(AuditLog log, Clock clock, int perWindow, Duration window, boolean timer) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one line per window and a positive window");
        }
        this.perWindow = perWindow;
        this.window = window;
        this.timer = timer
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "refusal-audit");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        if (this.timer != null) {
            this.timer.scheduleAtFixedRate(this::flush, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** {@value #DEFAULT_PER_WINDOW} lines per kind per minute; ended windows are summarised every minute. */
    public static RefusalAudit over(AuditLog log) {
        return new RefusalAudit(log, Clock.systemUTC(), DEFAULT_PER_WINDOW, DEFAULT_WINDOW, true);
    }

    /** For tests: no timer, summaries are written by {@link #flush()} and by later refusals. */
    public static RefusalAudit over(AuditLog log, Clock clock, int perWindow, Duration window) {
        return new RefusalAudit(log, clock, perWindow, window, false);
    }

    /** Counts one refusal of {@code kind} and writes its line unless this window's lines are used up. */
    public void refused(String kind, AuditRecord line) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        List<AuditRecord> out = new ArrayList<>(2);
        synchronized (this) {
            Instant now = clock.instant();
            Window w = windows.get(kind);
            if (w != null && ended(w, now)) {
                summary(w, now).ifPresent(out::add);
                w = null;
            }
            if (w == null) {
                w = new Window(now, line);
                windows.put(kind, w);
            }
            if (w.written < perWindow) {
                w.written++;
                out.add(line);
            } else {
                w.suppressed++;
                w.sample = line;
                suppressed.increment();
            }
        }
        write(out);
    }

    /** Writes the summary of every window that has ended and forgets those windows. */
    public void flush() {
        flush(false);
    }

    private void flush(boolean all) {
        List<AuditRecord> out = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
                Window w = it.next();
                if (all || ended(w, now)) {
                    summary(w, now).ifPresent(out::add);
                    it.remove();
                }
            }
        }
        write(out);
    }

    /** Refusals so far by kind, sorted by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }

    /** Refusals that were counted but got no line of their own (only a summary). */
    public long suppressed() {
        return suppressed.sum();
    }

    private boolean ended(Window w, Instant now) {
        return !now.isBefore(w.start.plus(window));
    }

    private java.util.Optional<AuditRecord> summary(Window w, Instant now) {
        if (w.suppressed == 0) {
            return java.util.Optional.empty();
        }
        AuditRecord s = w.sample;
        String reason = "suppressed " + w.suppressed + " more refusal(s) like this in "
                + Duration.between(w.start, now).toSeconds() + " s (last from " + s.peer() + "): " + s.reason();
        return java.util.Optional.of(new AuditRecord(
                now,
                s.who(),
                s.where(),
                s.agent(),
                s.peer(),
                s.command(),
                Map.of(),
                s.decision(),
                null,
                0,
                0,
                reason,
                "",
                false));
    }

    private void write(List<AuditRecord> lines) {
        for (AuditRecord line : lines) {
            try {
                log.append(line);
            } catch (IOException e) {
                LOG.warn("cannot write a refusal to the audit log {}: {}", log.file(), e.toString());
            }
        }
    }

    /** Stops the timer and writes the summaries of every open window. Does not close the log. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        flush(true);
    }
}
