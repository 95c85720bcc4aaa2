package io.runbookbot.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final SharedSecret SECRET = SharedSecret.ofText("0123456789abcdef0123456789abcdef", "test");
    private static final SharedSecret OTHER = SharedSecret.ofText("fedcba9876543210fedcba9876543210", "test");
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY =
            "{\"id\":\"df\",\"params\":{},\"caller\":\"ann\"}".getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "00112233445566778899aabbccddeeff";

    private final RequestSigner signer = new RequestSigner(SECRET, CLOCK);
    private final SignatureVerifier verifier = new SignatureVerifier(SECRET, CLOCK, Duration.ofSeconds(300), 1000);

    private static Function<String, List<String>> headers(Map<String, String> values) {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(values);
        return name -> Optional.ofNullable(caseless.get(name)).map(List::of).orElse(List.of());
    }

    private Optional<AuthFailure> verify(Map<String, String> signed) {
        return verifier.verify("POST", "/v1/run", BODY, headers(signed));
    }

    @Test
    void acceptsAFreshlySignedRequest() {
        assertThat(verify(signer.sign("POST", "/v1/run", BODY))).isEmpty();
    }

    @Test
    void signatureHeaderHasVersionPrefixAndHexHmac() {
        Map<String, String> h = signer.sign("POST", "/v1/run", BODY, NOW.getEpochSecond(), NONCE);
        assertThat(h).containsEntry(AuthHeaders.TIMESTAMP, "1735732800").containsEntry(AuthHeaders.NONCE, NONCE);
        assertThat(h.get(AuthHeaders.SIGNATURE)).matches("v1=[0-9a-f]{64}");
    }

    @Test
    void generatedNoncesAre128BitHexAndDistinct() {
        String a = signer.sign("GET", "/v1/commands", new byte[0]).get(AuthHeaders.NONCE);
        String b = signer.sign("GET", "/v1/commands", new byte[0]).get(AuthHeaders.NONCE);
        assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(b);
    }

    @Test
    void refusesMissingHeaders() {
        assertThat(verify(Map.of())).contains(AuthFailure.MISSING_HEADERS);
    }

    @Test
    void refusesAMissingNonce() {
        Map<String, String> h = new HashMap<>(signer.sign("POST", "/v1/run", BODY));
        h.remove(AuthHeaders.NONCE);
        assertThat(verify(h)).contains(AuthFailure.MISSING_HEADERS);
    }

    @Test
    void refusesMalformedTimestampNonceOrSignature() {
        Map<String, String> good = signer.sign("POST", "/v1/run", BODY);
        for (var bad : List.of(
                Map.entry(AuthHeaders.TIMESTAMP, "-5"),
                Map.entry(AuthHeaders.TIMESTAMP, "1e9"),
                Map.entry(AuthHeaders.NONCE, "xyz"),
                Map.entry(AuthHeaders.SIGNATURE, "v2=" + "0".repeat(64)),
                Map.entry(AuthHeaders.SIGNATURE, good.get(AuthHeaders.SIGNATURE).toUpperCase()))) {
            Map<String, String> h = new HashMap<>(good);
            h.put(bad.getKey(), bad.getValue());
            assertThat(verify(h)).as(bad.toString()).contains(AuthFailure.MALFORMED_HEADERS);
        }
    }

    @Test
    void refusesARepeatedHeader() {
        Map<String, String> h = signer.sign("POST", "/v1/run", BODY);
        Function<String, List<String>> twice = name -> name.equals(AuthHeaders.NONCE)
                ? List.of(h.get(AuthHeaders.NONCE), NONCE)
                : headers(h).apply(name);
        assertThat(verifier.verify("POST", "/v1/run", BODY, twice)).contains(AuthFailure.MALFORMED_HEADERS);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(verify(new RequestSigner(OTHER, CLOCK).sign("POST", "/v1/run", BODY)))
                .contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedBody() {
        Map<String, String> h = signer.sign("POST", "/v1/run", "{\"id\":\"uptime\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verify(h)).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedPathQueryOrMethod() {
        assertThat(verify(signer.sign("POST", "/v1/commands", BODY))).contains(AuthFailure.BAD_SIGNATURE);
        assertThat(verify(signer.sign("POST", "/v1/run?x=1", BODY))).contains(AuthFailure.BAD_SIGNATURE);
        assertThat(verify(signer.sign("PUT", "/v1/run", BODY))).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesTimestampsBeyondTheSkewEitherWay() {
        long now = NOW.getEpochSecond();
        assertThat(verify(signer.sign("POST", "/v1/run", BODY, now - 301, NONCE)))
                .contains(AuthFailure.STALE_TIMESTAMP);
        assertThat(verify(signer.sign("POST", "/v1/run", BODY, now + 301, NONCE)))
                .contains(AuthFailure.STALE_TIMESTAMP);
        assertThat(verify(signer.sign("POST", "/v1/run", BODY, now - 300, NONCE)))
                .isEmpty();
    }

    @Test
    void refusesTheSameNonceTwice() {
        Map<String, String> h = signer.sign("POST", "/v1/run", BODY);
        assertThat(verify(h)).isEmpty();
        assertThat(verify(h)).contains(AuthFailure.REPLAYED_NONCE);
    }

    @Test
    void doesNotRememberNoncesOfBadlySignedRequests() {
        Map<String, String> forged = new HashMap<>(signer.sign("POST", "/v1/run", BODY, NOW.getEpochSecond(), NONCE));
        forged.put(AuthHeaders.SIGNATURE, "v1=" + "0".repeat(64));
        assertThat(verify(forged)).contains(AuthFailure.BAD_SIGNATURE);
        assertThat(verify(signer.sign("POST", "/v1/run", BODY, NOW.getEpochSecond(), NONCE)))
                .isEmpty();
    }

    @Test
    void forgetsNoncesOnceTheirTimestampLeftTheWindow() {
        MutableClock clock = new MutableClock(NOW);
        SignatureVerifier v = new SignatureVerifier(SECRET, clock, Duration.ofSeconds(300), 2);
        RequestSigner s = new RequestSigner(SECRET, clock);
        for (int i = 0; i < 2; i++) {
            assertThat(v.verify(
                            "GET", "/v1/commands", new byte[0], headers(s.sign("GET", "/v1/commands", new byte[0]))))
                    .isEmpty();
        }
        assertThat(v.verify("GET", "/v1/commands", new byte[0], headers(s.sign("GET", "/v1/commands", new byte[0]))))
                .as("guard full of unexpired nonces")
                .contains(AuthFailure.REPLAY_GUARD_FULL);
        clock.now = NOW.plusSeconds(301);
        assertThat(v.verify("GET", "/v1/commands", new byte[0], headers(s.sign("GET", "/v1/commands", new byte[0]))))
                .as("expired nonces evicted")
                .isEmpty();
    }

    @Test
    void replayGuardHoldsAtMostItsCapacity() {
        ReplayGuard guard = new ReplayGuard(3);
        for (int i = 0; i < 10; i++) {
            guard.remember("n" + i, 100 + i, 99 + i);
        }
        assertThat(guard.size()).isLessThanOrEqualTo(3);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
