package io.runbookbot.fakes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HTTP-mode payloads as Slack does: {@code X-Slack-Request-Timestamp: <unix seconds>} and
 * {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))}. Sign with the
 * app's secret for a valid request, with another secret or an old instant for a rejected one.
 */
public final class SlackSigner {

    private final String signingSecret;

    public SlackSigner(String signingSecret) {
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
    }

    /** Signs with the current time. */
    public SignedSlackRequest sign(SlackPayload payload) {
        return sign(payload, Instant.now());
    }

    /** Signs as if sent at {@code at} (Bolt refuses timestamps more than 5 minutes off). */
    public SignedSlackRequest sign(SlackPayload payload, Instant at) {
        String body = payload.httpBody();
        String timestamp = Long.toString(at.getEpochSecond());
        return new SignedSlackRequest(
                payload.contentType(),
                body,
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature(timestamp, body)));
    }

    /** {@code v0=} followed by the hex HMAC of {@code v0:ts:body}. */
    public String signature(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
