package io.runbookbot.agent.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bot's check of an agent's answer (see {@link AuthHeaders}): signature headers present once,
 * timestamp within the clock skew, and the MAC over status, this request's nonce and signature,
 * timestamp and body equal in constant time. An answer recorded for another request fails, since
 * every request has a fresh nonce. Thread-safe.
 */
public final class ResponseVerifier {
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-f]{64}");

    private final SharedSecret secret;
    private final Clock clock;
    private final long skewSeconds;

    public ResponseVerifier(SharedSecret secret, Clock clock) {
        this(secret, clock, SignatureVerifier.DEFAULT_SKEW);
    }

    public ResponseVerifier(SharedSecret secret, Clock clock, Duration skew) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skewSeconds = skew.toSeconds();
    }

    /**
     * @param requestHeaders the headers {@link RequestSigner#sign} gave the request this answers
     * @param headers        all values of an answer header by name (case-insensitive), empty when absent
     * @return why the answer is not trusted, or empty when it is the agent's answer to this request
     */
    public Optional<ResponseFailure> verify(
            Map<String, String> requestHeaders, int status, byte[] body, Function<String, List<String>> headers) {
        List<String> ts = headers.apply(AuthHeaders.TIMESTAMP);
        List<String> sig = headers.apply(AuthHeaders.RESPONSE_SIGNATURE);
        if (ts.isEmpty() && sig.isEmpty()) {
            return Optional.of(ResponseFailure.UNSIGNED);
        }
        if (ts.size() != 1
                || sig.size() != 1
                || !TIMESTAMP.matcher(ts.get(0)).matches()
                || !SIGNATURE.matcher(sig.get(0)).matches()) {
            return Optional.of(ResponseFailure.MALFORMED_HEADERS);
        }
        long timestamp = Long.parseLong(ts.get(0));
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > skewSeconds) {
            return Optional.of(ResponseFailure.STALE_TIMESTAMP);
        }
        String expected = AuthHeaders.responseSignature(
                secret,
                status,
                requestHeaders.getOrDefault(AuthHeaders.NONCE, ""),
                requestHeaders.getOrDefault(AuthHeaders.SIGNATURE, ""),
                timestamp,
                body);
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), sig.get(0).getBytes(StandardCharsets.US_ASCII))
                ? Optional.empty()
                : Optional.of(ResponseFailure.BAD_SIGNATURE);
    }
}
