package io.runbookbot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Bolt's signature verification leaves out, for HTTP-mode requests (it runs after it,
 * so it sees signed requests only): the timestamp must be within {@link #WINDOW} of now in the
 * future too (Bolt checks only the past), and a request whose signature was already seen within
 * that window is a replay: acknowledged with an empty body and not handled again. Slack signs
 * each delivery afresh (retries included), so only a captured request repeats a signature. Events
 * are also de-duplicated by event id; this guard covers slash commands and interactions. Memory
 * is bounded: signatures older than the window are forgotten, and at most {@code capacity} are
 * kept. Socket Mode requests are not signed and pass through. Thread-safe.
 */
final class SlackRequestGuard implements Middleware {
    /** Slack's rule: |now - timestamp| at most 5 minutes. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    static final int DEFAULT_CAPACITY = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(SlackRequestGuard.class);
    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final Clock clock;
    private final int capacity;
    /** Signature to the epoch second it was signed at, oldest first. */
    private final Map<String, Long> seen = new LinkedHashMap<>();

    SlackRequestGuard(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode()) {
            return chain.next(req);
        }
        String timestamp = req.getHeaders().getFirstValue(TIMESTAMP);
        String signature = req.getHeaders().getFirstValue(SIGNATURE);
        long now = clock.instant().getEpochSecond();
        long signedAt;
        try {
            signedAt = Long.parseLong(Objects.requireNonNullElse(timestamp, "").strip());
        } catch (NumberFormatException e) {
            return refuse("unreadable timestamp");
        }
        if (Math.abs(now - signedAt) > WINDOW.toSeconds()) {
            return refuse("timestamp " + (signedAt > now ? "in the future" : "too old"));
        }
        if (signature == null || !firstTime(signature, signedAt, now)) {
            LOG.warn(
                    "Ignoring a replayed Slack request ({} {} signed at {})",
                    req.getRequestType(),
                    signature == null ? "without signature" : "same signature",
                    signedAt);
            return Response.builder().statusCode(200).build();
        }
        return chain.next(req);
    }

    private synchronized boolean firstTime(String signature, long signedAt, long now) {
        Iterator<Long> oldest = seen.values().iterator();
        while (oldest.hasNext()) {
            long at = oldest.next();
            if (now - at <= WINDOW.toSeconds() && seen.size() < capacity) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(signature, signedAt) == null;
    }

    private static Response refuse(String why) {
        LOG.warn("Refusing a Slack request: {}", why);
        return Response.builder()
                .statusCode(401)
                .contentType("application/json")
                .body("{\"error\":\"invalid request\"}")
                .build();
    }
}
