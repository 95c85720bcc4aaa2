package io.runbookbot.agent.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the signature headers of an incoming request (see {@link AuthHeaders}): all present once,
 * timestamp within the clock skew, signature equal in constant time, nonce never seen before inside
 * the skew window. Nonces are only remembered for requests whose signature is valid, so unsigned
 * traffic cannot fill the replay guard. Thread-safe.
 */
public final class SignatureVerifier {
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_NONCES = 100_000;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-f]{64}");

    private final SharedSecret secret;
    private final Clock clock;
    private final long skewSeconds;
    private final ReplayGuard replays;

    public SignatureVerifier(SharedSecret secret) {
        this(secret, Clock.systemUTC(), DEFAULT_SKEW, DEFAULT_MAX_NONCES);
    }

    public SignatureVerifier(SharedSecret secret, Clock clock, Duration skew, int maxNonces) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (skew.isNegative() || skew.isZero()) {
            throw new IllegalArgumentException("skew must be positive: " + skew);
        }
        this.skewSeconds = skew.toSeconds();
        this.replays = new ReplayGuard(maxNonces);
    }

    /**
     * Verifies one request.
     *
     * @param pathAndQuery the raw request target as received
     * @param headers      all values of a header by name (case-insensitive), empty when absent
     * @return why the request is refused, or empty when it is authentic and fresh
     */
    public Optional<AuthFailure> verify(
            String method, String pathAndQuery, byte[] body, Function<String, List<String>> headers) {
        return authenticate(method, pathAndQuery, body, headers) instanceof Authentication.Refused refused
                ? Optional.of(refused.failure())
                : Optional.empty();
    }

    /**
     * {@link #verify}, and for an accepted request the seal that signs its answer (bound to this
     * request's nonce and signature).
     */
    public Authentication authenticate(
            String method, String pathAndQuery, byte[] body, Function<String, List<String>> headers) {
        Optional<AuthFailure> early = checkHeaders(headers);
        if (early.isPresent()) {
            return new Authentication.Refused(early.get());
        }
        String ts = headers.apply(AuthHeaders.TIMESTAMP).get(0);
        String nonce = headers.apply(AuthHeaders.NONCE).get(0);
        String sig = headers.apply(AuthHeaders.SIGNATURE).get(0);
        Optional<AuthFailure> failure = verify(method, pathAndQuery, body, Long.parseLong(ts), nonce, sig);
        return failure.<Authentication>map(Authentication.Refused::new)
                .orElseGet(() -> new Authentication.Accepted(new ResponseSeal(secret, clock, nonce, sig)));
    }

    /**
     * What can be refused from the headers alone, before a body is read: missing or malformed
     * authentication headers, or a timestamp outside the skew. Empty when the request may be authentic.
     */
    public Optional<AuthFailure> checkHeaders(Function<String, List<String>> headers) {
        List<String> ts = headers.apply(AuthHeaders.TIMESTAMP);
        List<String> nonce = headers.apply(AuthHeaders.NONCE);
        List<String> sig = headers.apply(AuthHeaders.SIGNATURE);
        if (ts.isEmpty() || nonce.isEmpty() || sig.isEmpty()) {
            return Optional.of(AuthFailure.MISSING_HEADERS);
        }
        if (ts.size() > 1
                || nonce.size() > 1
                || sig.size() > 1
                || !TIMESTAMP.matcher(ts.get(0)).matches()
                || !NONCE.matcher(nonce.get(0)).matches()
                || !SIGNATURE.matcher(sig.get(0)).matches()) {
            return Optional.of(AuthFailure.MALFORMED_HEADERS);
        }
        if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(ts.get(0))) > skewSeconds) {
            return Optional.of(AuthFailure.STALE_TIMESTAMP);
        }
        return Optional.empty();
    }

    private Optional<AuthFailure> verify(
            String method, String pathAndQuery, byte[] body, long timestamp, String nonce, String signature) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > skewSeconds) {
            return Optional.of(AuthFailure.STALE_TIMESTAMP);
        }
        String expected = AuthHeaders.signature(secret, timestamp, nonce, method, pathAndQuery, body);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(AuthFailure.BAD_SIGNATURE);
        }
        return switch (replays.remember(nonce, timestamp + skewSeconds, now)) {
            case FRESH -> Optional.empty();
            case REPLAYED -> Optional.of(AuthFailure.REPLAYED_NONCE);
            case FULL -> Optional.of(AuthFailure.REPLAY_GUARD_FULL);
        };
    }
}
