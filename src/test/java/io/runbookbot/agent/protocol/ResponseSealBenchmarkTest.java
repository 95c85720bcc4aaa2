package io.runbookbot.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of signing an answer on the agent and checking it on the bot, per body size. Prints
 * figures; skipped unless asked for:
 * <pre>
 * mvn test -Dtest=ResponseSealBenchmarkTest -Drunbookbot.benchmark=true
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "runbookbot.benchmark", matches = "true")
class ResponseSealBenchmarkTest {
    private static final SharedSecret SECRET = SharedSecret.ofText("0123456789abcdef0123456789abcdef", "bench");

    @Test
    void signAndVerifyPerAnswer() {
        Clock clock = Clock.systemUTC();
        RequestSigner signer = new RequestSigner(SECRET, clock);
        ResponseVerifier bot = new ResponseVerifier(SECRET, clock);
        for (int size : List.of(200, 64 * 1024, 1024 * 1024, 8 * 1024 * 1024)) {
            byte[] body = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
            Map<String, String> request = signer.sign("POST", "/v1/run", new byte[0]);
            SignatureVerifier agent = new SignatureVerifier(SECRET, clock, Duration.ofSeconds(300), 10);
            ResponseSeal seal = ((Authentication.Accepted) agent.authenticate(
                            "POST",
                            "/v1/run",
                            new byte[0],
                            name -> Optional.ofNullable(request.get(name))
                                    .map(List::of)
                                    .orElse(List.of())))
                    .seal();
            int rounds = size > 1_000_000 ? 30 : 2000;
            long[] sign = new long[rounds];
            long[] verify = new long[rounds];
            for (int i = 0; i < rounds * 2; i++) {
                long t0 = System.nanoTime();
                Map<String, String> answer = seal.headers(200, body);
                long t1 = System.nanoTime();
                Optional<ResponseFailure> failure = bot.verify(
                        request,
                        200,
                        body,
                        name -> Optional.ofNullable(answer.get(name))
                                .map(List::of)
                                .orElse(List.of()));
                long t2 = System.nanoTime();
                assertThat(failure).isEmpty();
                if (i >= rounds) {
                    sign[i - rounds] = t1 - t0;
                    verify[i - rounds] = t2 - t1;
                }
            }
            Arrays.sort(sign);
            Arrays.sort(verify);
            System.out.printf(
                    "answer signature, body %d bytes: sign p50 %.3f ms p99 %.3f ms; verify p50 %.3f ms"
                            + " p99 %.3f ms (%d rounds after as many warm-up)%n",
                    size,
                    sign[rounds / 2] / 1e6,
                    sign[rounds * 99 / 100] / 1e6,
                    verify[rounds / 2] / 1e6,
                    verify[rounds * 99 / 100] / 1e6,
                    rounds);
        }
    }
}
