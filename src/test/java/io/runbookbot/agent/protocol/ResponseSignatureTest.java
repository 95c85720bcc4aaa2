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

/** Signed answers: the agent seals the answer to an authenticated request, the bot checks it. */
class ResponseSignatureTest {
    private static final SharedSecret SECRET = SharedSecret.ofText("0123456789abcdef0123456789abcdef", "test");
    private static final SharedSecret OTHER = SharedSecret.ofText("fedcba9876543210fedcba9876543210", "test");
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] REQUEST =
            "{\"id\":\"df\",\"params\":{},\"caller\":\"ann\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER =
            ("{\"exitCode\":0,\"stdout\":\"ok\\n\",\"stderr\":\"\",\"stdoutTruncated\":false,"
                            + "\"stderrTruncated\":false,\"durationMillis\":3,\"timedOut\":false}")
                    .getBytes(StandardCharsets.UTF_8);

    private final RequestSigner signer = new RequestSigner(SECRET, CLOCK);
    private final ResponseVerifier bot = new ResponseVerifier(SECRET, CLOCK, Duration.ofSeconds(300));

    private static Function<String, List<String>> headers(Map<String, String> values) {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(values);
        return name -> Optional.ofNullable(caseless.get(name)).map(List::of).orElse(List.of());
    }

    /** What the agent does: authenticate the request, then seal its answer. */
    private static Map<String, String> agentSeals(
            SharedSecret secret, Clock clock, Map<String, String> request, int status, byte[] body) {
        SignatureVerifier agent = new SignatureVerifier(secret, clock, Duration.ofSeconds(300), 100);
        Authentication auth = agent.authenticate("POST", "/v1/run", REQUEST, headers(request));
        assertThat(auth).isInstanceOf(Authentication.Accepted.class);
        return ((Authentication.Accepted) auth).seal().headers(status, body);
    }

    private Optional<ResponseFailure> check(
            Map<String, String> request, int status, byte[] body, Map<String, String> answer) {
        return bot.verify(request, status, body, headers(answer));
    }

    @Test
    void acceptsTheAgentsAnswerToThisRequest() {
        Map<String, String> request = signer.sign("POST", "/v1/run", REQUEST);
        Map<String, String> answer = agentSeals(SECRET, CLOCK, request, 200, ANSWER);
        assertThat(answer.get(AuthHeaders.RESPONSE_SIGNATURE)).matches("v1=[0-9a-f]{64}");
        assertThat(check(request, 200, ANSWER, answer)).isEmpty();
    }

    @Test
    void refusesAnAlteredBodyOrStatus() {
        Map<String, String> request = signer.sign("POST", "/v1/run", REQUEST);
        Map<String, String> answer = agentSeals(SECRET, CLOCK, request, 200, ANSWER);
        byte[] altered = new String(ANSWER, StandardCharsets.UTF_8)
                .replace("\"exitCode\":0", "\"exitCode\":1")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(check(request, 200, altered, answer)).contains(ResponseFailure.BAD_SIGNATURE);
        assertThat(check(request, 500, ANSWER, answer)).contains(ResponseFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesAnAnswerRecordedForAnotherRequest() {
        Map<String, String> earlier = signer.sign("POST", "/v1/run", REQUEST);
        Map<String, String> recorded = agentSeals(SECRET, CLOCK, earlier, 200, ANSWER);
        Map<String, String> now = signer.sign("POST", "/v1/run", REQUEST);
        assertThat(check(now, 200, ANSWER, recorded)).contains(ResponseFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesAnAnswerSealedWithAnotherSecret() {
        Map<String, String> request = new RequestSigner(OTHER, CLOCK).sign("POST", "/v1/run", REQUEST);
        Map<String, String> answer = agentSeals(OTHER, CLOCK, request, 200, ANSWER);
        assertThat(check(request, 200, ANSWER, answer)).contains(ResponseFailure.BAD_SIGNATURE);
    }

    @Test
    void refusesAMissingMalformedOrStaleSignature() {
        Map<String, String> request = signer.sign("POST", "/v1/run", REQUEST);
        Map<String, String> answer = agentSeals(SECRET, CLOCK, request, 200, ANSWER);
        assertThat(check(request, 200, ANSWER, Map.of())).contains(ResponseFailure.UNSIGNED);
        Map<String, String> noTimestamp = new HashMap<>(answer);
        noTimestamp.remove(AuthHeaders.TIMESTAMP);
        assertThat(check(request, 200, ANSWER, noTimestamp)).contains(ResponseFailure.MALFORMED_HEADERS);
        Map<String, String> upper = new HashMap<>(answer);
        upper.put(
                AuthHeaders.RESPONSE_SIGNATURE,
                answer.get(AuthHeaders.RESPONSE_SIGNATURE).toUpperCase());
        assertThat(check(request, 200, ANSWER, upper)).contains(ResponseFailure.MALFORMED_HEADERS);
        Clock later = Clock.fixed(NOW.plusSeconds(250), ZoneOffset.UTC);
        Map<String, String> stale = agentSeals(SECRET, later, request, 200, ANSWER);
        assertThat(new ResponseVerifier(SECRET, CLOCK, Duration.ofSeconds(100))
                        .verify(request, 200, ANSWER, headers(stale)))
                .contains(ResponseFailure.STALE_TIMESTAMP);
    }

    @Test
    void anUnauthenticatedRequestGetsNoSeal() {
        Map<String, String> forged = new RequestSigner(OTHER, CLOCK).sign("POST", "/v1/run", REQUEST);
        SignatureVerifier agent = new SignatureVerifier(SECRET, CLOCK, Duration.ofSeconds(300), 100);
        assertThat(agent.authenticate("POST", "/v1/run", REQUEST, headers(forged)))
                .isEqualTo(new Authentication.Refused(AuthFailure.BAD_SIGNATURE));
    }
}
