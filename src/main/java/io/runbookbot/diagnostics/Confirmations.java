package io.runbookbot.diagnostics;

import io.runbookbot.agent.allowlist.CommandSpec;
import io.runbookbot.core.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Confirmations of runs that change something: an entry that is not {@code read_only} runs only
 * after the person who asked confirms, within {@link #WINDOW} (5 minutes).
 *
 * <p>{@link #request} hands out an unguessable one-time token. {@link #confirm} accepts it once,
 * from the same person (same platform and user id; roles and channel may differ), up to and
 * including the instant it expires. Someone else's attempt is refused and leaves the token usable
 * by its owner; an expired token is refused; a used token is refused ("already confirmed").
 * Expired and used tokens are forgotten one window after their expiry. Thread-safe.
 */
public final class Confirmations {
    /** How long a request waits for its confirmation. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration window;
    private final Map<String, PendingRun> pending = new HashMap<>();
    /** Used tokens, by the instant they can be forgotten. */
    private final Map<String, Instant> used = new HashMap<>();

    public Confirmations(Clock clock) {
        this(clock, WINDOW);
    }

    public Confirmations(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /** How long a request waits for its confirmation here. */
    public Duration window() {
        return window;
    }

    /** True when runs of {@code spec} need a confirmation: it is not read-only. */
    public static boolean needsConfirmation(CommandSpec spec) {
        return !spec.readOnly();
    }

    /** Registers a run on {@code agent} waiting for {@code caller}'s confirmation; returns its token. */
    public synchronized String request(Caller caller, CommandSpec spec, String agent, Map<String, String> params) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(params, "params");
        Instant now = clock.instant();
        forgetOld(now);
        String token = newToken();
        pending.put(token, new PendingRun(token, caller, spec, agent, params, now.plus(window)));
        return token;
    }

    /** The run to go ahead with, once; or why not. */
    public synchronized ConfirmationResult confirm(String token, Caller caller) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caller, "caller");
        Instant now = clock.instant();
        forgetOld(now);
        PendingRun run = pending.get(token);
        if (run == null) {
            return ConfirmationResult.refused(
                    used.containsKey(token)
                            ? "This run was already confirmed: ask again to run it once more."
                            : "This confirmation is unknown or has expired: ask again.");
        }
        if (now.isAfter(run.expiresAt())) {
            pending.remove(token);
            return ConfirmationResult.refused(
                    "This confirmation expired after " + DurationText.describe(window) + ": ask again.");
        }
        if (!sameUser(run.caller(), caller)) {
            return ConfirmationResult.refused(
                    "Only the person who asked for " + run.spec().id() + " can confirm it.");
        }
        pending.remove(token);
        used.put(token, run.expiresAt().plus(window));
        return ConfirmationResult.confirmed(run);
    }

    /** Runs waiting for confirmation (expired ones included until they are forgotten). */
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Used tokens still remembered (to say "already confirmed"); forgotten one window after expiry. */
    synchronized int usedCount() {
        return used.size();
    }

    private static boolean sameUser(Caller a, Caller b) {
        return a.platform().equals(b.platform()) && a.userId().equals(b.userId());
    }

    private void forgetOld(Instant now) {
        pending.values().removeIf(run -> now.isAfter(run.expiresAt().plus(window)));
        used.values().removeIf(now::isAfter);
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
