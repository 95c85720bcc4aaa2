package io.runbookbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlackRequestGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicInteger handled = new AtomicInteger();

    private static Request command(long timestamp, String signature) {
        return new SlashCommandRequest(
                "text=x",
                new SlashCommandPayload(),
                new RequestHeaders(Map.of(
                        "X-Slack-Request-Timestamp",
                        List.of(Long.toString(timestamp)),
                        "X-Slack-Signature",
                        List.of(signature))));
    }

    private int status(SlackRequestGuard guard, Request request) throws Exception {
        Response response = guard.apply(request, Response.ok(), r -> {
            handled.incrementAndGet();
            return Response.ok();
        });
        return response.getStatusCode();
    }

    private static SlackRequestGuard guardAt(Instant now, int capacity) {
        return new SlackRequestGuard(Clock.fixed(now, ZoneOffset.UTC), capacity);
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayEitherWay() throws Exception {
        SlackRequestGuard guard = guardAt(NOW, 100);
        long now = NOW.getEpochSecond();

        assertThat(status(guard, command(now + 301, "v0=a"))).isEqualTo(401);
        assertThat(status(guard, command(now - 301, "v0=b"))).isEqualTo(401);
        assertThat(status(guard, command(1L << 40, "v0=c"))).isEqualTo(401);
        assertThat(status(guard, command(now + 300, "v0=d"))).isEqualTo(200);
        assertThat(status(guard, command(now - 300, "v0=e"))).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void handlesASignatureOnceWithinTheWindow() throws Exception {
        SlackRequestGuard guard = guardAt(NOW, 100);
        long now = NOW.getEpochSecond();

        for (int i = 0; i < 3; i++) {
            assertThat(status(guard, command(now, "v0=same"))).isEqualTo(200);
        }
        status(guard, command(now, "v0=other"));

        assertThat(handled).hasValue(2);
    }

    @Test
    void keepsAtMostItsCapacityOfSignatures() throws Exception {
        SlackRequestGuard guard = guardAt(NOW, 2);
        long now = NOW.getEpochSecond();

        status(guard, command(now, "v0=1"));
        status(guard, command(now, "v0=2"));
        status(guard, command(now, "v0=3"));
        status(guard, command(now, "v0=1"));

        assertThat(handled).as("the oldest signature was forgotten").hasValue(4);
    }
}
