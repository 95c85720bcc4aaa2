package io.runbookbot.agent.protocol;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Signs bot-to-agent requests (see {@link AuthHeaders} for the scheme). Thread-safe. */
public final class RequestSigner {
    private static final int NONCE_BYTES = 16;

    private final SharedSecret secret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RequestSigner(SharedSecret secret) {
        this(secret, Clock.systemUTC());
    }

    public RequestSigner(SharedSecret secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The three authentication headers for a request, with the current time and a fresh nonce.
     *
     * @param pathAndQuery the raw request target as sent, e.g. {@code /v1/run} or {@code /v1/x?a=b}
     */
    public Map<String, String> sign(String method, String pathAndQuery, byte[] body) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return sign(
                method,
                pathAndQuery,
                body,
                clock.instant().getEpochSecond(),
                HexFormat.of().formatHex(nonce));
    }

    /** The headers for a given timestamp and nonce (tests build stale and replayed requests with it). */
    public Map<String, String> sign(String method, String pathAndQuery, byte[] body, long timestamp, String nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AuthHeaders.TIMESTAMP, Long.toString(timestamp));
        headers.put(AuthHeaders.NONCE, nonce);
        headers.put(AuthHeaders.SIGNATURE, AuthHeaders.signature(secret, timestamp, nonce, method, pathAndQuery, body));
        return headers;
    }
}
